package io.betapool.sample.web;

import java.math.BigInteger;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks of request values, each throwing an {@link InvalidInputException} whose message states the
 * allowed range and the rejected value.
 */
public final class Inputs {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

	private Inputs() {
	}

	/**
	 * The whole number written in {@code value}, or {@code fallback} when absent or blank, checked to lie
	 * in {@code [min, max]}. Parameters are taken as text so that a number too large for any Java type
	 * is reported with the range like any other number out of range.
	 */
	public static int wholeNumber(String field, @Nullable String value, int fallback, int min, int max) {
		return (int) wholeNumber(field, value, (long) fallback, min, max);
	}

	/**
	 * The whole number written in {@code value}, or {@code fallback} when absent or blank, checked to lie
	 * in {@code [min, max]}.
	 */
	public static long wholeNumber(String field, @Nullable String value, long fallback, long min, long max) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String written = value.strip();
		if (!WHOLE_NUMBER.matcher(written).matches()) {
			throw new InvalidInputException(field,
					"must be a whole number between " + min + " and " + max + ", but was '" + written + "'");
		}
		BigInteger number = new BigInteger(written);
		if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
			throw new InvalidInputException(field, "must be between " + min + " and " + max + ", but was " + number);
		}
		return number.longValueExact();
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
