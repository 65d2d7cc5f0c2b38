package io.betapool.control;

/**
 * The limits that growth trials found: a <em>ceiling</em> the pool does not grow past (a larger size
 * did not pay) and a <em>floor</em> it does not shrink below while work waits (a larger size paid).
 * <pre>
 *   target = max(knee, floor)        a ceiling stops the climb past the knee, and never holds the pool below it
 * </pre>
 * Each limit holds for the work it was found on: it is dropped when β̂ has moved by more than
 * {@code sameWork} from the β̂ it was found at, as {@link BlockingRatioEstimator#distance} measures it
 * (work that shifts gradually never makes a regime change),
 * and it expires on its own {@code banTrials} trial lengths after it was found. The ceiling is also
 * lifted the moment the queue grows by the pool's size or more in a tick while threads could help — a
 * closed loop's backlog holds still, so a backlog that grows means tasks arrive faster than this size
 * completes them.
 */
public final class TrialLimits {

	private final double sameWork;

	private double ceilingBeta;

	private double floorBeta;

	private int ceiling = Integer.MAX_VALUE;

	private int floor;

	private long ceilingUntil;

	private long floorUntil;

	private int lastQueue = -1;

	/**
	 * @param sameWork the largest move of β̂ for which a limit still holds
	 */
	public TrialLimits(double sameWork) {
		this.sameWork = sameWork;
	}

	/**
	 * Expires limits past their time, and lifts the ceiling when the backlog grows.
	 * @param sample the tick
	 * @param threadsCouldHelp whether more threads could help: the work is not CPU-bound and the cores not saturated
	 * @param beta the smoothed β of this tick
	 * @return whether a ceiling was lifted or expired on this tick
	 */
	public boolean observe(ControlSample sample, boolean threadsCouldHelp, double beta) {
		long now = sample.nanoTime();
		boolean backlogGrew = this.lastQueue >= 0 && sample.queueSize() - this.lastQueue >= sample.currentThreads();
		this.lastQueue = sample.queueSize();
		if (this.floor > 0 && (now - this.floorUntil >= 0
				|| BlockingRatioEstimator.distance(beta, this.floorBeta) > this.sameWork)) {
			this.floor = 0;
		}
		if (this.ceiling != Integer.MAX_VALUE && (now - this.ceilingUntil >= 0 || (backlogGrew && threadsCouldHelp)
				|| BlockingRatioEstimator.distance(beta, this.ceilingBeta) > this.sameWork)) {
			this.ceiling = Integer.MAX_VALUE;
			return true;
		}
		return false;
	}

	/** Sets a ceiling until {@code untilNanos}, for work of the given β. */
	public void ceiling(int size, long untilNanos, double beta) {
		this.ceiling = size;
		this.ceilingUntil = untilNanos;
		this.ceilingBeta = beta;
		if (this.floor > size) {
			this.floor = 0;
		}
	}

	/** Sets a floor until {@code untilNanos}, for work of the given β. */
	public void floor(int size, long untilNanos, double beta) {
		this.floor = size;
		this.floorUntil = untilNanos;
		this.floorBeta = beta;
		if (this.ceiling < size) {
			this.ceiling = Integer.MAX_VALUE;
		}
	}

	/** Drops both limits: the work changed. */
	public void forget() {
		this.ceiling = Integer.MAX_VALUE;
		this.floor = 0;
	}

	/**
	 * {@code max(knee, min(floor, ceiling))}: the model's knee, raised to a floor a trial proved; a ceiling
	 * only stops the climb past the knee, and never holds the pool below it.
	 */
	public int target(int knee) {
		return Math.max(knee, Math.min(this.floor, this.ceiling));
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
