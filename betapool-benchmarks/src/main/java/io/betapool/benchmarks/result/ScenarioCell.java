package io.betapool.benchmarks.result;

import java.util.List;
import java.util.Objects;

import io.betapool.benchmarks.contender.Contender;
import org.jspecify.annotations.Nullable;

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
 * @param decisions betapool's decisions during the cell; {@code null} for other contenders
 * @param timeline betapool's 100 ms samples (threads, β, target size), for tuning; empty for other contenders
 */
public record ScenarioCell(Contender contender, double throughput, double p50Ms, double p99Ms, double maxMs,
		double meanThreads, double peakThreads, long completed, long unfinished, double cpuPercent, double limit,
		@Nullable DecisionSummary decisions, List<Sample> timeline) {

	public ScenarioCell {
		Objects.requireNonNull(contender, "contender");
		timeline = (timeline != null) ? List.copyOf(timeline) : List.of();
	}

	/** The scenario figures of {@code cell}. */
	public static ScenarioCell of(CellResult cell) {
		Figures f = cell.overall();
		boolean betapool = cell.contender().kind().isBetapool();
		return new ScenarioCell(cell.contender(), f.throughput(), f.p50Ms(), f.p99Ms(), f.maxMs(), f.meanThreads(),
				f.peakThreads(), f.completed(), f.unfinished(), cell.cpuPercent(), f.limit(),
				betapool ? cell.decisions() : null, betapool ? cell.timeline() : List.of());
	}

}
