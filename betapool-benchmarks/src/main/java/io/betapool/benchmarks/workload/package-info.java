/**
 * What the benchmarks run: workload specifications with their nominal CPU and blocking times, the
 * physical limit those times impose, and the calibration that turns CPU milliseconds into work.
 */
@NullMarked
package io.betapool.benchmarks.workload;

import org.jspecify.annotations.NullMarked;
