package io.betapool.measure;

/**
 * A source of nanosecond time, injected wherever the project reads a clock so that tests can
 * advance it by hand. Only differences between readings mean anything: compare readings by
 * subtraction ({@code a - b > 0}), never with {@code <}, because the value may wrap.
 */
@FunctionalInterface
public interface Ticker {

	/** The current reading, in nanoseconds. */
	long read();

	/** {@link System#nanoTime()}. */
	static Ticker system() {
		return System::nanoTime;
	}

}
