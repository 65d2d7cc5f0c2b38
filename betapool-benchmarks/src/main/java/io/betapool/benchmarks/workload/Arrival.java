package io.betapool.benchmarks.workload;

/**
 * How a scenario offers its tasks.
 */
public enum Arrival {

	/** A closed loop: a fixed number of tasks outstanding, each completion submitting the next. */
	CLOSED,

	/** Poisson arrivals at a share of each phase's capacity. */
	POISSON,

	/** A closed loop that runs in bursts separated by idle gaps, in which nothing is submitted. */
	ON_OFF;

	/** The name used in the report. */
	public String label() {
		return switch (this) {
			case CLOSED -> "closed loop";
			case POISSON -> "Poisson";
			case ON_OFF -> "on/off bursts";
		};
	}

}
