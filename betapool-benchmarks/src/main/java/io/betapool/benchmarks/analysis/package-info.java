/**
 * Pure computations over the figures: best static size and knee, convergence after a phase shift,
 * and the goals the numbers are held to.
 */
@NullMarked
package io.betapool.benchmarks.analysis;

import org.jspecify.annotations.NullMarked;
