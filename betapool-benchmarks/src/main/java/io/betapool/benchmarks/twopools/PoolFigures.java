package io.betapool.benchmarks.twopools;

/**
 * What one pool did in a cell.
 *
 * @param tasksPerSecond tasks ended per second over the cell
 * @param p99Ms the 99th percentile of their latency, submission to end, in milliseconds
 * @param meanThreads the mean of the pool's platform threads, sampled every 100 ms (NaN where the
 *        executor's threads cannot be told apart, as for virtual threads)
 */
public record PoolFigures(double tasksPerSecond, double p99Ms, double meanThreads) {
}
