package io.betapool.benchmarks.result;

import java.util.EnumMap;
import java.util.Map;

import io.betapool.ScalingAction;

/**
 * What betapool's controller decided during a cell's measurement.
 *
 * @param counts decisions per action
 * @param latestReasons the reason of the latest decision of each action taken
 * @param meanTarget the mean size the controller had set, over the samples
 */
public record DecisionSummary(Map<ScalingAction, Long> counts, Map<ScalingAction, String> latestReasons,
		double meanTarget) {

	public DecisionSummary {
		counts = Map.copyOf(counts);
		latestReasons = Map.copyOf(latestReasons);
	}

	/** A summary with no decision at all. */
	public static DecisionSummary none(double meanTarget) {
		return new DecisionSummary(new EnumMap<>(ScalingAction.class), new EnumMap<>(ScalingAction.class), meanTarget);
	}

	/** How many decisions of {@code action} were taken. */
	public long count(ScalingAction action) {
		return this.counts.getOrDefault(action, 0L);
	}

	/** The reason of the latest decision of {@code action}, or an empty string. */
	public String latestReason(ScalingAction action) {
		return this.latestReasons.getOrDefault(action, "");
	}

}
