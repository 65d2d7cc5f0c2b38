package io.betapool.sample.web;

import org.jspecify.annotations.Nullable;

/**
 * Checks of request values, each throwing an {@link InvalidInputException} whose message states the
 * allowed range and the rejected value.
 */
public final class Inputs {

	private Inputs() {
	}

	/**
	 * {@code value}, or {@code fallback} when absent, checked to lie in {@code [min, max]}.
	 */
	public static int between(String field, @Nullable Integer value, int fallback, int min, int max) {
		int actual = (value != null) ? value : fallback;
		if (actual < min || actual > max) {
			throw new InvalidInputException(field, "must be between " + min + " and " + max + ", but was " + actual);
		}
		return actual;
	}

	/**
	 * {@code value}, which must be present and a finite number in {@code [min, max]}.
	 */
	public static double between(String field, @Nullable Double value, double min, double max) {
		if (value == null) {
			throw new InvalidInputException(field, "is required");
		}
		if (!(value >= min && value <= max)) {
			throw new InvalidInputException(field,
					"must be between " + format(min) + " and " + format(max) + ", but was " + format(value));
		}
		return value;
	}

	/**
	 * {@code value}, stripped, which must be present, not blank and at most {@code maxLength} characters.
	 */
	public static String text(String field, @Nullable String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "is required and must not be blank");
		}
		String stripped = value.strip();
		if (stripped.length() > maxLength) {
			throw new InvalidInputException(field,
					"must be at most " + maxLength + " characters, but was " + stripped.length());
		}
		return stripped;
	}

	/**
	 * A number as people write it: {@code 20} rather than {@code 20.0}.
	 */
	public static String format(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.valueOf((long) value);
		}
		return String.valueOf(value);
	}

}
