package io.betapool.benchmarks.workload;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How the service time of a scenario's tasks varies around its mean: each task's CPU and blocking
 * times are the nominal ones multiplied by one draw {@code m} with mean 1, so that β is the same for
 * every task and the nominal times are the means.
 * <pre>
 *   FIXED        m = 1
 *   EXPONENTIAL  m = −ln(1 − U)                                   U uniform in [0, 1)
 *   LOGNORMAL    m = exp(σ·Z − σ²/2), σ = {@value #LOGNORMAL_SIGMA}            Z standard normal
 *   BIMODAL      m = 1 / 1.9 with probability 0.9, 10 / 1.9 with probability 0.1   (long = 10 × short)
 * </pre>
 */
public enum ServiceShape {

	/** Every task takes the nominal time. */
	FIXED,

	/** Exponentially distributed, coefficient of variation 1. */
	EXPONENTIAL,

	/** Lognormal with σ = 1: a long right tail (coefficient of variation ≈ 1.31). */
	LOGNORMAL,

	/** 90 % short tasks and 10 % ten times longer ones. */
	BIMODAL;

	/** σ of the lognormal shape. */
	public static final double LOGNORMAL_SIGMA = 1.0;

	/** Share of short tasks in the bimodal shape. */
	public static final double BIMODAL_SHORT_SHARE = 0.9;

	/** How much longer a long task of the bimodal shape is than a short one. */
	public static final double BIMODAL_LONG_FACTOR = 10;

	private static final double BIMODAL_SHORT = 1 / (BIMODAL_SHORT_SHARE + (1 - BIMODAL_SHORT_SHARE) * BIMODAL_LONG_FACTOR);

	/** One task's multiplier of the nominal times, drawn from {@code random}; its mean is 1. */
	public double multiplier(RandomGenerator random) {
		return switch (this) {
			case FIXED -> 1.0;
			case EXPONENTIAL -> -Math.log(1.0 - random.nextDouble());
			case LOGNORMAL -> Math.exp(LOGNORMAL_SIGMA * random.nextGaussian() - LOGNORMAL_SIGMA * LOGNORMAL_SIGMA / 2);
			case BIMODAL -> (random.nextDouble() < BIMODAL_SHORT_SHARE) ? BIMODAL_SHORT
					: BIMODAL_SHORT * BIMODAL_LONG_FACTOR;
		};
	}

	/** The name used in the report, such as {@code lognormal}. */
	public String label() {
		return (this == BIMODAL) ? "bimodal 90/10"
				: (this == LOGNORMAL) ? "lognormal σ 1" : name().toLowerCase(Locale.ROOT);
	}

}
