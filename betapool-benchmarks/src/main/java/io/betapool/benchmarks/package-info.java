/**
 * The comparison harness: {@link io.betapool.benchmarks.Harness} drives every workload through every
 * contender in one JVM run and writes the benchmark report.
 */
@NullMarked
package io.betapool.benchmarks;

import org.jspecify.annotations.NullMarked;
