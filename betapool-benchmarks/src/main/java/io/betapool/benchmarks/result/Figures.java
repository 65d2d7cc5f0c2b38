package io.betapool.benchmarks.result;

import java.util.Objects;

/**
 * The figures of a measured stretch of a cell: the whole measurement, or one phase of it.
 *
 * @param segment {@code all}, or the name of a phase
 * @param startSeconds when the stretch began, in seconds since the cell started
 * @param seconds how long it lasted
 * @param completed tasks completed during it
 * @param throughput {@code completed / seconds}
 * @param p50Ms median latency from submission to completion, in ms; {@code NaN} with no sample
 * @param p99Ms 99th percentile of that latency
 * @param p999Ms 99.9th percentile of that latency
 * @param maxMs largest latency
 * @param latencySamples tasks whose latency was recorded
 * @param unfinished tasks still unfinished when the cell ended, recorded with their age then (open loop only)
 * @param peakThreads most platform threads the contender used
 * @param meanThreads mean platform threads over the samples
 * @param limit the physical limit in tasks per second (see {@link io.betapool.benchmarks.workload.PhysicalLimit})
 */
public record Figures(String segment, double startSeconds, double seconds, long completed, double throughput,
		double p50Ms, double p99Ms, double p999Ms, double maxMs, long latencySamples, long unfinished,
		double peakThreads, double meanThreads, double limit) {

	/** The name of the stretch that covers the whole measurement. */
	public static final String ALL = "all";

	public Figures {
		Objects.requireNonNull(segment, "segment");
	}

	/** {@code throughput / limit}. */
	public double limitFraction() {
		return this.throughput / this.limit;
	}

	/** When the stretch ended, in seconds since the cell started. */
	public double endSeconds() {
		return this.startSeconds + this.seconds;
	}

}
