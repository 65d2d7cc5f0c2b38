package io.betapool.control;

/**
 * When spare threads retire. Idle threads are cheap insurance — a parked thread holds about 45 kB and
 * no CPU, while a task that waits for a thread costs latency — so the pool keeps threads above the
 * size it needs for a keep-alive period, as {@link java.util.concurrent.ThreadPoolExecutor} does, and
 * then retires them gradually:
 * <pre>
 *   excess = n − needed,  with needed the size the tick called for
 *   excess &lt; max(scaleDownStep, deadband(n))  →  nothing to retire (the clock restarts)
 *   excess lasted less than keepAlive           →  keep them
 *   otherwise                                    →  retire max(scaleDownStep, ⌈excess / 2⌉)
 * </pre>
 * Halving the excess keeps a pool that is wrong about the future by a factor two at most one tick from
 * its size. Growth is never held back here: a pool below its target grows at once.
 */
public final class Hysteresis {

	private final AdaptiveSettings settings;

	private final int scaleDownStep;

	private long excessSince;

	private boolean excess;

	public Hysteresis(AdaptiveSettings settings, int scaleDownStep) {
		this.settings = settings;
		this.scaleDownStep = scaleDownStep;
	}

	/**
	 * The size to keep when {@code needed} threads would do.
	 * @param n the current size
	 * @param needed the size the tick calls for, below or at {@code n}
	 * @param nowNanos the tick's time
	 * @return the size to have after this tick
	 */
	public int retire(int n, int needed, long nowNanos) {
		if (n - needed < Math.max(this.scaleDownStep, this.settings.deadbandOf(n))) {
			this.excess = false;
			return n;
		}
		if (!this.excess) {
			this.excess = true;
			this.excessSince = nowNanos;
		}
		if (nowNanos - this.excessSince < this.settings.keepAlive().toNanos()) {
			return n;
		}
		return n - Math.max(this.scaleDownStep, (n - needed + 1) / 2);
	}

	/** Forgets an excess: the pool needed its threads again. */
	public void reset() {
		this.excess = false;
	}

	/** How long the present excess has lasted, or 0. */
	public long excessNanos(long nowNanos) {
		return this.excess ? nowNanos - this.excessSince : 0;
	}

}
