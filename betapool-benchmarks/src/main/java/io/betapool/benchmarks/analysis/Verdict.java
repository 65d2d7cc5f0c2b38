package io.betapool.benchmarks.analysis;

/**
 * Whether a goal was met by the measured figures.
 */
public enum Verdict {

	/** The figures meet the goal. */
	PASS,

	/** The figures miss the goal. */
	MISS,

	/** The figures the goal needs were not measured in this run. */
	NOT_MEASURED

}
