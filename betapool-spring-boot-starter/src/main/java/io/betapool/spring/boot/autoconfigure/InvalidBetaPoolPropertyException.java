package io.betapool.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a {@code betapool.*} property has a value the executor cannot run with. Startup stops and
 * the failure analysis names the property, its value and what is allowed.
 */
public class InvalidBetaPoolPropertyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final @Nullable Object value;

	private final String allowed;

	/**
	 * Creates an exception for one invalid property.
	 * @param property the full name of the property, such as {@code betapool.min-workers}
	 * @param value the value it was given
	 * @param allowed what the property accepts, as a phrase such as {@code an integer of at least 1}
	 */
	public InvalidBetaPoolPropertyException(String property, @Nullable Object value, String allowed) {
		super("Invalid value '" + value + "' for property '" + property + "': expected " + allowed);
		this.property = property;
		this.value = value;
		this.allowed = allowed;
	}

	/** The full name of the invalid property. */
	public String getProperty() {
		return this.property;
	}

	/** The value the property was given. */
	public @Nullable Object getValue() {
		return this.value;
	}

	/** What the property accepts. */
	public String getAllowed() {
		return this.allowed;
	}

}
