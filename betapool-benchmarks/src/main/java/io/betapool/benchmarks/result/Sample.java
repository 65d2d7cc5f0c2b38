package io.betapool.benchmarks.result;

/**
 * What the harness saw at one sampling instant (every 100 ms) of a cell.
 *
 * @param seconds time since the cell started, warm-up included
 * @param threads platform threads the contender used
 * @param completed tasks completed since the cell started
 * @param beta the blocking ratio betapool's controller reported; {@code NaN} for other contenders
 * @param target the size betapool's controller had set, the fixed size of a static pool, or -1
 * @param rssMb the process's resident memory in MB (see {@link MachineInfo#memorySource()})
 */
public record Sample(double seconds, int threads, long completed, double beta, int target, double rssMb) {

}
