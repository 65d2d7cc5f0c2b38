package io.betapool.measure;

/**
 * The blocking ratio β: the share of a thread's busy time that it spent not computing.
 *
 * <pre>
 *   raw:        β = 1 − cpu / wall
 *   corrected:  β = 1 − cpu / (wall − max(runQueueDelay, monitorBlocked))
 * </pre>
 * β stands for the waiting that more threads can overlap, as I/O. Two kinds of waiting are not that:
 * <ul>
 * <li><b>Waiting for a core.</b> Thread CPU time excludes the time a runnable thread waits for a core,
 * while wall time includes it; so under CPU oversubscription the raw ratio reads CPU-bound work as
 * blocked (about 0.5 for pure CPU work with twice as many threads as cores). Subtracting the run-queue
 * delay the scheduler reports removes that error: pure CPU work stays near 0 at any thread count.</li>
 * <li><b>Waiting to enter a monitor.</b> Threads blocked on a {@code synchronized} lock wait for one
 * holder at a time; more threads only lengthen that queue. Under oversubscription a holder that loses
 * its core makes every other thread wait for it, so this waiting grows with the pool and would read as
 * ever more I/O. Subtracting it leaves the β of the work itself.</li>
 * </ul>
 * The two overlap: a thread the JVM has woken to take a monitor waits for a core still blocked on it,
 * and where the blocked time is sampled rather than timed the overlap cannot be told. So the correction
 * takes the larger of the two rather than their sum: it never removes waiting that was not there, and
 * reads β at most as high as the run-queue correction alone.
 * Results are clamped to [0, 1]; {@code NaN} means there was no wall time to judge by.
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
	 * The ratio corrected for run-queue delay, {@code 1 − cpu / (wall − runQueueDelay)}, clamped to
	 * [0, 1]; {@code NaN} when no wall time remains after the delay.
	 */
	public static double corrected(long cpuNanos, long wallNanos, long runQueueDelayNanos) {
		return corrected(cpuNanos, wallNanos, runQueueDelayNanos, 0);
	}

	/**
	 * The corrected ratio {@code 1 − cpu / (wall − max(runQueueDelay, monitorBlocked))}, clamped to
	 * [0, 1]; {@code NaN} when no wall time remains after the delay. A delay below 0 counts as 0.
	 */
	public static double corrected(long cpuNanos, long wallNanos, long runQueueDelayNanos, long monitorBlockedNanos) {
		return of(cpuNanos, wallNanos - Math.max(0, Math.max(runQueueDelayNanos, monitorBlockedNanos)));
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
