package io.betapool.measure;

/**
 * The blocking ratio β: the share of a thread's busy time that it spent not computing.
 *
 * <pre>
 *   raw:        β = 1 − cpu / wall
 *   corrected:  β = 1 − cpu / (wall − runQueueDelay)
 * </pre>
 * Thread CPU time excludes the time a runnable thread waits for a core, while wall time includes it;
 * so under CPU oversubscription the raw ratio reads CPU-bound work as blocked (about 0.5 for pure CPU
 * work with twice as many threads as cores). Subtracting the run-queue delay the scheduler reports
 * removes that error: pure CPU work stays near 0 at any thread count. Results are clamped to [0, 1];
 * {@code NaN} means there was no wall time to judge by.
 */
public final class BlockingRatio {

	private BlockingRatio() {
	}

	/**
	 * The raw ratio {@code 1 − cpu / wall}, clamped to [0, 1]; {@code NaN} when {@code wall ≤ 0}.
	 */
	public static double of(long cpuNanos, long wallNanos) {
		if (wallNanos <= 0) {
			return Double.NaN;
		}
		return clamp(1.0 - (double) cpuNanos / wallNanos);
	}

	/**
	 * The corrected ratio {@code 1 − cpu / (wall − runQueueDelay)}, clamped to [0, 1]; {@code NaN}
	 * when no wall time remains after the delay.
	 */
	public static double corrected(long cpuNanos, long wallNanos, long runQueueDelayNanos) {
		return of(cpuNanos, wallNanos - Math.max(0, runQueueDelayNanos));
	}

	/**
	 * The value clamped to [0, 1]; {@code NaN} stays {@code NaN}.
	 */
	public static double clamp(double ratio) {
		if (Double.isNaN(ratio)) {
			return ratio;
		}
		return Math.max(0.0, Math.min(1.0, ratio));
	}

}
