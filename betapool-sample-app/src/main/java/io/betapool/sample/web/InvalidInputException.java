package io.betapool.sample.web;

import java.util.Objects;

/**
 * Input that the API refuses, naming the offending field; answered with HTTP 400 by
 * {@link ApiExceptionHandler}.
 */
public class InvalidInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	/**
	 * Creates the exception.
	 * @param field the request parameter or JSON path of the value, such as {@code topK} or
	 * {@code phases[1].ratePerSecond}
	 * @param message what is wrong with it, such as {@code must be between 1 and 20, but was 50}
	 */
	public InvalidInputException(String field, String message) {
		super(field + " " + message);
		this.field = Objects.requireNonNull(field, "field");
	}

	/**
	 * The request parameter or JSON path of the refused value.
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * What is wrong with the value, without the field name.
	 */
	public String getReason() {
		return getMessage().substring(this.field.length() + 1);
	}

}
