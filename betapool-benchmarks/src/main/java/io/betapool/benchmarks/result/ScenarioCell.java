package io.betapool.benchmarks.result;

import java.util.Objects;

import io.betapool.benchmarks.contender.Contender;

/**
 * What one contender did on one scenario, measured from a cold start: the figures the scenario suite
 * compares, kept small so that a set's results can be written, read back and reused.
 *
 * @param contender the contender
 * @param throughput tasks per second over the whole cell
 * @param p50Ms median latency from submission to completion
 * @param p99Ms 99th percentile of that latency
 * @param maxMs largest latency
 * @param meanThreads mean platform threads over the 100 ms samples
 * @param peakThreads most platform threads sampled
 * @param completed tasks completed
 * @param unfinished tasks still unfinished when the cell ended (open loop)
 * @param cpuPercent the process's CPU use, in percent of all cores
 * @param limit the physical limit in tasks per second
 */
public record ScenarioCell(Contender contender, double throughput, double p50Ms, double p99Ms, double maxMs,
		double meanThreads, double peakThreads, long completed, long unfinished, double cpuPercent, double limit) {

	public ScenarioCell {
		Objects.requireNonNull(contender, "contender");
	}

	/** The scenario figures of {@code cell}. */
	public static ScenarioCell of(CellResult cell) {
		Figures f = cell.overall();
		return new ScenarioCell(cell.contender(), f.throughput(), f.p50Ms(), f.p99Ms(), f.maxMs(), f.meanThreads(),
				f.peakThreads(), f.completed(), f.unfinished(), cell.cpuPercent(), f.limit());
	}

}
