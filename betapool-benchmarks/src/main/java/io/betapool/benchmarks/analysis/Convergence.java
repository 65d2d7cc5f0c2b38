package io.betapool.benchmarks.analysis;

import java.util.List;

import io.betapool.benchmarks.result.Sample;

/**
 * How fast a pool reaches a new size after the work changes:
 * <pre>
 *   t = min { s.seconds : s.seconds ≥ start, |s.threads − target| ≤ {@value #TOLERANCE} · target } − start
 * </pre>
 * over the samples before {@code end}; {@code NaN} when no sample qualifies. With samples every
 * 100 ms, t is resolved to 0.1 s.
 */
public final class Convergence {

	/** How close to the target counts as reached: within 10 %. */
	public static final double TOLERANCE = 0.1;

	private Convergence() {
	}

	/**
	 * Seconds from {@code start} until the thread count is within {@value #TOLERANCE} of
	 * {@code target}, or {@code NaN} if that does not happen before {@code end}.
	 */
	public static double seconds(List<Sample> samples, double start, double end, int target) {
		for (Sample sample : samples) {
			if (sample.seconds() < start || sample.seconds() >= end) {
				continue;
			}
			if (Math.abs(sample.threads() - target) <= TOLERANCE * target) {
				return sample.seconds() - start;
			}
		}
		return Double.NaN;
	}

	/** The thread count of the last sample before {@code end}, or -1 when there is none. */
	public static int threadsAt(List<Sample> samples, double end) {
		int threads = -1;
		for (Sample sample : samples) {
			if (sample.seconds() < end) {
				threads = sample.threads();
			}
		}
		return threads;
	}

}
