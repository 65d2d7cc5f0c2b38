package io.betapool.benchmarks.twopools;

/**
 * One setup of the two pools, measured side by side.
 *
 * @param setup the setup's name
 * @param cpu the CPU-heavy pool
 * @param io the I/O-heavy pool
 * @param meanTotalThreads the mean of the platform threads of both executors, sampled every 100 ms
 */
public record SetupResult(String setup, PoolFigures cpu, PoolFigures io, double meanTotalThreads) {
}
