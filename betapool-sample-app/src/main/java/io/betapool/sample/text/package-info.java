/**
 * Text analysis shared by the RAG pipeline and its vector store: tokenising, hashed embeddings, BM25
 * and the built-in corpus.
 */
@NullMarked
package io.betapool.sample.text;

import org.jspecify.annotations.NullMarked;
