/**
 * Stand-ins for the slow services a RAG pipeline calls: a vector store and a language model, each
 * answering after a configurable latency.
 */
@NullMarked
package io.betapool.sample.backend;

import org.jspecify.annotations.NullMarked;
