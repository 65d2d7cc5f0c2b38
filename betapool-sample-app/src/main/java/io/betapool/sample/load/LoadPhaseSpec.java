package io.betapool.sample.load;

import io.betapool.sample.web.Inputs;
import io.betapool.sample.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * One phase of a {@link LoadPlanSpec}, as written.
 *
 * @param name the name shown on the dashboard, at most {@value #MAX_NAME_LENGTH} characters; the
 * workload's name when absent
 * @param workload what the phase submits: {@code rag}, {@code inference}, {@code mixed}, {@code io},
 * {@code cpu} or {@code idle}
 * @param ratePerSecond mean arrivals per second, {@value #MIN_RATE} to {@value #MAX_RATE}; ignored for
 * {@code idle}
 * @param durationSeconds how long the phase lasts, {@value #MIN_DURATION_SECONDS} to
 * {@value #MAX_DURATION_SECONDS} seconds
 */
public record LoadPhaseSpec(@Nullable String name, @Nullable Workload workload, @Nullable Double ratePerSecond,
		@Nullable Double durationSeconds) {

	/** Longest phase name. */
	public static final int MAX_NAME_LENGTH = 40;

	/** Lowest arrival rate per second. */
	public static final double MIN_RATE = 0.1;

	/** Highest arrival rate per second. */
	public static final double MAX_RATE = 2000;

	/** Shortest phase in seconds. */
	public static final double MIN_DURATION_SECONDS = 1;

	/** Longest phase in seconds. */
	public static final double MAX_DURATION_SECONDS = 3600;

	LoadPhase toPhase(String path) {
		if (this.workload == null) {
			throw new InvalidInputException(path + "workload", "is required");
		}
		String phaseName = (this.name == null || this.name.isBlank()) ? this.workload.id()
				: Inputs.text(path + "name", this.name, MAX_NAME_LENGTH);
		double rate = (this.workload == Workload.IDLE) ? 0
				: Inputs.between(path + "ratePerSecond", this.ratePerSecond, MIN_RATE, MAX_RATE);
		double duration = Inputs.between(path + "durationSeconds", this.durationSeconds, MIN_DURATION_SECONDS,
				MAX_DURATION_SECONDS);
		return new LoadPhase(phaseName, this.workload, rate, duration);
	}

}
