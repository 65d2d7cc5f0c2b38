package io.betapool.control;

/**
 * The smoothed blocking ratio the policy acts on, and whether the work just changed kind.
 *
 * <pre>
 *   β  = 1 − cpu / (busy − runQueueDelay)                       (measured by the controller)
 *   β̂ ← β                           the first time, or when |β − β̂| &gt; regimeChange
 *   β̂ ← β̂ + smoothing · (β − β̂)      otherwise
 * </pre>
 * A jump starts a <em>settling</em> period: the first tick after a change measures a mix of old and
 * new work, so β̂ keeps following β unsmoothed until two ticks in a row agree within {@code sameWork}
 * (or at most {@value #SETTLING_TICKS} ticks). A tick with no busy time to measure (β is NaN) leaves
 * β̂ as it is. Because β excludes the time a runnable thread waits for a core, CPU-bound work reads
 * β ≈ 0 however many threads compete for the cores.
 */
public final class BlockingRatioEstimator {

	/** Most ticks β̂ follows β unsmoothed after a regime change: the slowest change still settles. */
	static final int SETTLING_TICKS = 5;

	private final AdaptiveSettings settings;

	private double smoothed = Double.NaN;

	private double last = Double.NaN;

	private int settling;

	private boolean changed;

	public BlockingRatioEstimator(AdaptiveSettings settings) {
		this.settings = settings;
	}

	/**
	 * Takes one tick's measured β.
	 * @param measured β of the tick, or NaN when the tick had nothing to measure
	 * @return the smoothed β, NaN until something was measured
	 */
	public double update(double measured) {
		this.changed = false;
		if (Double.isNaN(measured)) {
			return this.smoothed;
		}
		if (Double.isNaN(this.smoothed) || Math.abs(measured - this.smoothed) > this.settings.regimeChange()) {
			this.changed = !Double.isNaN(this.smoothed);
			this.smoothed = measured;
			this.settling = this.changed ? SETTLING_TICKS : 0;
		}
		else if (this.settling > 0) {
			boolean agrees = Math.abs(measured - this.last) <= this.settings.sameWork();
			this.settling = agrees ? 0 : this.settling - 1;
			this.smoothed = measured;
		}
		else {
			this.smoothed += this.settings.smoothing() * (measured - this.smoothed);
		}
		this.last = measured;
		return this.smoothed;
	}

	/** The smoothed β; NaN until a tick measured one. */
	public double value() {
		return this.smoothed;
	}

	/** Whether the last update was a regime change: new work. */
	public boolean changed() {
		return this.changed;
	}

	/** Whether β̂ still follows a recent regime change. */
	public boolean isSettling() {
		return this.settling > 0;
	}

	/** Whether a β measured between ticks differs from β̂ by a regime change. */
	public boolean isNewWork(double measured) {
		return !Double.isNaN(this.smoothed) && Math.abs(measured - this.smoothed) > this.settings.regimeChange();
	}

}
