/**
 * Driving load through a contender and measuring it: closed and open loops, per-task latency
 * recording, sampling of threads and memory, and the campaign that orders the cells of a run.
 */
@NullMarked
package io.betapool.benchmarks.harness;

import org.jspecify.annotations.NullMarked;
