package io.betapool.workload;

import java.time.Duration;

/**
 * Argument checks shared by the generators and the arrival processes. Every message names the
 * parameter and the rejected value.
 */
final class Checks {

	private Checks() {
	}

	static double millis(String name, double value) {
		if (!(value >= 0)) {
			throw new IllegalArgumentException(name + " must be >= 0, but was " + value);
		}
		if (Double.isInfinite(value)) {
			throw new IllegalArgumentException(name + " must be finite, but was " + value);
		}
		return value;
	}

	static int notNegative(String name, int value) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must be >= 0, but was " + value);
		}
		return value;
	}

	static int atLeastOne(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be >= 1, but was " + value);
		}
		return value;
	}

	static double fraction(String name, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1, but was " + value);
		}
		return value;
	}

	static Duration positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, but was " + value);
		}
		return value;
	}

	static Duration notNegative(String name, Duration value) {
		if (value.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative, but was " + value);
		}
		return value;
	}

	/**
	 * Milliseconds as nanoseconds, rounded; values beyond the range of a {@code long} saturate.
	 */
	static long nanos(double millis) {
		return Math.round(millis * 1_000_000.0);
	}

	/**
	 * A non-negative duration as nanoseconds; durations beyond the range of a {@code long} saturate.
	 */
	static long nanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * The sum of two non-negative values, saturating at {@link Long#MAX_VALUE}.
	 */
	static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

}
