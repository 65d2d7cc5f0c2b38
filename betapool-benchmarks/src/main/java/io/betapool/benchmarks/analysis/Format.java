package io.betapool.benchmarks.analysis;

import java.util.Locale;

/**
 * How numbers are written in the report: locale-independent, with precision that suits each
 * quantity, and {@code n/a} for what was not measured.
 */
public final class Format {

	/** What is written for a figure that does not exist. */
	public static final String NOT_AVAILABLE = "n/a";

	private Format() {
	}

	/** Tasks per second: no decimals from 100 up, one below. */
	public static String rate(double perSecond) {
		if (!Double.isFinite(perSecond)) {
			return NOT_AVAILABLE;
		}
		return (Math.abs(perSecond) >= 100) ? String.format(Locale.ROOT, "%,.0f", perSecond)
				: String.format(Locale.ROOT, "%.1f", perSecond);
	}

	/** Milliseconds with three significant digits, at least one decimal below 100. */
	public static String ms(double ms) {
		if (!Double.isFinite(ms)) {
			return NOT_AVAILABLE;
		}
		if (ms >= 100) {
			return String.format(Locale.ROOT, "%,.0f", ms);
		}
		if (ms >= 10) {
			return String.format(Locale.ROOT, "%.1f", ms);
		}
		return String.format(Locale.ROOT, "%.2f", ms);
	}

	/** A ratio with two decimals, such as {@code 0.97}. */
	public static String ratio(double ratio) {
		return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : NOT_AVAILABLE;
	}

	/** A fraction as a whole percentage, such as {@code 97 %}. */
	public static String percent(double fraction) {
		return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.0f %%", fraction * 100) : NOT_AVAILABLE;
	}

	/** A thread count: whole numbers as such, means with one decimal. */
	public static String threads(double threads) {
		if (!Double.isFinite(threads)) {
			return NOT_AVAILABLE;
		}
		return (threads == Math.rint(threads)) ? String.format(Locale.ROOT, "%.0f", threads)
				: String.format(Locale.ROOT, "%.1f", threads);
	}

	/** A thread count with its noun: {@code 1 thread}, {@code 2 threads}, {@code 2.5 threads}. */
	public static String threadCount(double threads) {
		return threads(threads) + ((threads == 1) ? " thread" : " threads");
	}

	/** A count with its noun: {@code 1 win}, {@code 2 wins}. */
	public static String count(long n, String one, String many) {
		return n + " " + ((n == 1) ? one : many);
	}

	/** Seconds with one decimal. */
	public static String seconds(double seconds) {
		return Double.isFinite(seconds) ? String.format(Locale.ROOT, "%.1f s", seconds) : NOT_AVAILABLE;
	}

	/** Megabytes with one decimal. */
	public static String mb(double mb) {
		return Double.isFinite(mb) ? String.format(Locale.ROOT, "%.1f", mb) : NOT_AVAILABLE;
	}

	/** A plain number with {@code decimals} decimals. */
	public static String number(double value, int decimals) {
		return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : NOT_AVAILABLE;
	}

}
