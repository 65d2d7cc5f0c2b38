/**
 * The figures a run produces, as plain immutable records.
 */
@NullMarked
package io.betapool.benchmarks.result;

import org.jspecify.annotations.NullMarked;
