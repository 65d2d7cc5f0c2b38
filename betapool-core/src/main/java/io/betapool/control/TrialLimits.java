package io.betapool.control;

/**
 * The limits that growth trials found: a <em>ceiling</em> the pool does not grow past (a larger size
 * did not pay) and a <em>floor</em> it does not shrink below while work waits (a larger size paid).
 * <pre>
 *   target = min(max(knee, floor), ceiling)
 * </pre>
 * Each limit expires on its own {@code banTrials} trial lengths after it was found; both are dropped
 * when the work changes kind, and the ceiling is lifted the moment the queue grows by the pool's size
 * or more in a tick while threads could help — a closed loop's backlog holds still, so a backlog that
 * grows means tasks arrive faster than this size completes them.
 */
public final class TrialLimits {

	private int ceiling = Integer.MAX_VALUE;

	private int floor;

	private long ceilingUntil;

	private long floorUntil;

	private int lastQueue = -1;

	/**
	 * Expires limits past their time, and lifts the ceiling when the backlog grows.
	 * @param sample the tick
	 * @param threadsCouldHelp whether more threads could help: the work is not CPU-bound and the cores not saturated
	 * @return whether a ceiling was lifted or expired on this tick
	 */
	public boolean observe(ControlSample sample, boolean threadsCouldHelp) {
		long now = sample.nanoTime();
		boolean backlogGrew = this.lastQueue >= 0 && sample.queueSize() - this.lastQueue >= sample.currentThreads();
		this.lastQueue = sample.queueSize();
		if (this.floor > 0 && now - this.floorUntil >= 0) {
			this.floor = 0;
		}
		if (this.ceiling != Integer.MAX_VALUE && (now - this.ceilingUntil >= 0 || (backlogGrew && threadsCouldHelp))) {
			this.ceiling = Integer.MAX_VALUE;
			return true;
		}
		return false;
	}

	/** Sets a ceiling until {@code untilNanos}. */
	public void ceiling(int size, long untilNanos) {
		this.ceiling = size;
		this.ceilingUntil = untilNanos;
		if (this.floor > size) {
			this.floor = 0;
		}
	}

	/** Sets a floor until {@code untilNanos}. */
	public void floor(int size, long untilNanos) {
		this.floor = size;
		this.floorUntil = untilNanos;
		if (this.ceiling < size) {
			this.ceiling = Integer.MAX_VALUE;
		}
	}

	/** Drops both limits: the work changed. */
	public void forget() {
		this.ceiling = Integer.MAX_VALUE;
		this.floor = 0;
	}

	/** {@code min(max(knee, floor), ceiling)}. */
	public int target(int knee) {
		return Math.min(Math.max(knee, this.floor), this.ceiling);
	}

	public int ceiling() {
		return this.ceiling;
	}

	public int floor() {
		return this.floor;
	}

	public boolean hasCeiling() {
		return this.ceiling != Integer.MAX_VALUE;
	}

}
