/**
 * A retrieval-augmented generation pipeline: CPU stages on text and HTTP calls to the stand-in vector
 * store and language model.
 */
@NullMarked
package io.betapool.sample.rag;

import org.jspecify.annotations.NullMarked;
