/**
 * Edge inference: a small convolutional network run over generated camera frames, pure CPU work.
 */
@NullMarked
package io.betapool.sample.inference;

import org.jspecify.annotations.NullMarked;
