package io.betapool.spring.boot.advice;

import java.time.Duration;

import io.betapool.spring.boot.autoconfigure.InvalidBetaPoolPropertyException;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Advice on the {@code ThreadPoolTaskExecutor} and {@code ThreadPoolExecutor} beans of the application.
 */
@ConfigurationProperties("betapool.advice")
public class AdviceProperties {

	/**
	 * Whether the application's own thread pools are measured and advised on; their sizes never change.
	 */
	private boolean enabled = true;

	/**
	 * How often the advice is worked out; the pools' activity is sampled twenty times per interval.
	 */
	private Duration interval = Duration.ofSeconds(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	/**
	 * Checks the values.
	 * @throws InvalidBetaPoolPropertyException naming the property, its value and what is allowed
	 */
	public void validate() {
		if (this.interval == null || this.interval.compareTo(Duration.ofMillis(100)) < 0
				|| this.interval.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new InvalidBetaPoolPropertyException("betapool.advice.interval",
					(this.interval != null) ? this.interval.toMillis() + "ms" : null, "a duration from 100ms to 10m");
		}
	}

}
