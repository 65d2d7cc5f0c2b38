package io.betapool.benchmarks.result;

import java.util.List;
import java.util.Objects;

import io.betapool.benchmarks.contender.Contender;
import org.jspecify.annotations.Nullable;

/**
 * Everything measured for one workload driven through one contender under one load mode.
 *
 * @param workload the workload's id
 * @param mode the load mode
 * @param contender the contender
 * @param round which measurement of this contender under this load mode, from 1: betapool ADAPTIVE
 *     and the best static pool are measured in several rounds (see {@link WorkloadResults#cells(LoadMode)})
 * @param offeredRates for an open loop, the arrival rate of each phase in tasks per second; empty for a closed loop
 * @param overall the figures of the whole measurement
 * @param phases the figures of each phase, for a workload that shifts; empty otherwise
 * @param rssBaselineMb resident memory just before the cell, after a garbage collection
 * @param rssPeakMb the largest resident memory sampled during the measurement
 * @param cpuPercent the process's CPU use during the measurement, in percent of all cores
 * @param failures tasks that ended with an exception other than an interrupt at shutdown
 * @param decisions betapool's decisions during the measurement; {@code null} for other contenders
 * @param timeline the samples of the whole cell, warm-up included
 */
public record CellResult(String workload, LoadMode mode, Contender contender, int round, List<Double> offeredRates,
		Figures overall, List<Figures> phases, double rssBaselineMb, double rssPeakMb, double cpuPercent,
		long failures, @Nullable DecisionSummary decisions, List<Sample> timeline) {

	public CellResult {
		Objects.requireNonNull(workload, "workload");
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(contender, "contender");
		Objects.requireNonNull(overall, "overall");
		if (round < 1) {
			throw new IllegalArgumentException("round must be >= 1, but was " + round);
		}
		offeredRates = List.copyOf(offeredRates);
		phases = List.copyOf(phases);
		timeline = List.copyOf(timeline);
	}

	/** The figures of phase {@code index}, or the overall figures when the workload has one phase. */
	public Figures phase(int index) {
		return this.phases.isEmpty() ? this.overall : this.phases.get(index);
	}

	/** Peak resident memory above the baseline, in MB. */
	public double rssGrowthMb() {
		return this.rssPeakMb - this.rssBaselineMb;
	}

	/** This cell without its timeline, to keep results small. */
	public CellResult withoutTimeline() {
		return new CellResult(this.workload, this.mode, this.contender, this.round, this.offeredRates, this.overall,
				this.phases, this.rssBaselineMb, this.rssPeakMb, this.cpuPercent, this.failures, this.decisions, List.of());
	}

}
