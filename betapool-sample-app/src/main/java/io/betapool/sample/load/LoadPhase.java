package io.betapool.sample.load;

import java.time.Duration;
import java.util.Objects;

/**
 * One checked phase of a load plan.
 *
 * @param name the name shown on the dashboard
 * @param workload what the phase submits
 * @param ratePerSecond mean arrivals per second of the Poisson process; 0 for {@link Workload#IDLE}
 * @param durationSeconds how long the phase lasts
 */
public record LoadPhase(String name, Workload workload, double ratePerSecond, double durationSeconds) {

	/**
	 * Creates a phase.
	 */
	public LoadPhase {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(workload, "workload");
	}

	/**
	 * The phase's duration.
	 */
	public Duration duration() {
		return Duration.ofNanos(Math.round(this.durationSeconds * 1e9));
	}

}
