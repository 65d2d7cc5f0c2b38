package io.betapool.sample.history;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much recent history the application keeps for the page.
 *
 * @param interval how often a sample is taken
 * @param size how many samples are kept; the oldest is dropped when a new one arrives
 */
@ConfigurationProperties("sample.history")
public record HistoryProperties(@DefaultValue("1s") Duration interval, @DefaultValue("180") int size) {

	/** Most samples that may be kept. */
	public static final int MAX_SIZE = 3600;

	public HistoryProperties {
		if (interval.toMillis() < 100 || interval.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException(
					"sample.history.interval must be between 100ms and 1m, but was " + interval);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException(
					"sample.history.size must be between 1 and " + MAX_SIZE + ", but was " + size);
		}
	}

}
