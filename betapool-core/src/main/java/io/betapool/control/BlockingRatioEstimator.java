package io.betapool.control;

/**
 * The smoothed blocking ratio the policy acts on, and whether the work just changed kind.
 *
 * <p>The knee is proportional to {@code 1 / (1 − β)}, so what matters about β is the CPU share
 * {@code s = 1 − β} on a logarithmic scale: β moving from 0.90 to 0.99 moves the knee tenfold, from 0.10
 * to 0.19 by a tenth. The estimator therefore smooths and compares {@code ln s}, and two blocking ratios
 * are as far apart as the knees they imply:
 * <pre>
 *   β  = 1 − cpu / (busy − runQueueDelay)                       (measured by the controller)
 *   distance(β₁, β₂) = |ln((1 − β₁) / (1 − β₂))|                 (1 − β at least {@value #MIN_CPU_SHARE})
 *   β̂ ← β                           the first time, or when distance(β, β̂) &gt; regimeChange
 *   ln(1 − β̂) ← ln(1 − β̂) + smoothing · (ln(1 − β) − ln(1 − β̂))      otherwise
 * </pre>
 * A jump starts a <em>settling</em> period: the first tick after a change measures a mix of old and
 * new work, so β̂ keeps following β unsmoothed until two ticks in a row agree within {@code sameWork}
 * (or at most {@value #SETTLING_TICKS} ticks). The first β a pool measures starts one too: it is a
 * change from no work, read in one tick of a cold pool whose threads have just started (and, in a
 * young JVM, wait for class loading and compilation), so it is confirmed by a second tick rather than
 * smoothed away over many. A tick with no busy time to measure (β is NaN) leaves
 * β̂ as it is. A tick whose β differs from β̂ by more than {@code sameWork}, short of a regime change,
 * marks β̂ as <em>drifting</em>: with work waiting, the policy then ticks at the settling period until a
 * tick agrees.
 * Because β excludes the time a runnable thread waits for a core, CPU-bound work reads β ≈ 0 however
 * many threads compete for the cores.
 */
public final class BlockingRatioEstimator {

	/** Most ticks β̂ follows β unsmoothed after a regime change: the slowest change still settles. */
	static final int SETTLING_TICKS = 5;

	/**
	 * The smallest CPU share {@code 1 − β} told apart: the knee it implies, ten thousand threads per
	 * core, is beyond any pool, so work that blocks even more is no different to the policy.
	 */
	static final double MIN_CPU_SHARE = 1e-4;

	private final AdaptiveSettings settings;

	private double smoothed = Double.NaN;

	private double last = Double.NaN;

	private int settling;

	private boolean changed;

	private boolean drifting;

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
		this.drifting = false;
		if (Double.isNaN(measured)) {
			return this.smoothed;
		}
		if (Double.isNaN(this.smoothed) || distance(measured, this.smoothed) > this.settings.regimeChange()) {
			this.changed = !Double.isNaN(this.smoothed);
			this.smoothed = measured;
			this.settling = SETTLING_TICKS;
		}
		else if (this.settling > 0) {
			boolean agrees = distance(measured, this.last) <= this.settings.sameWork();
			this.settling = agrees ? 0 : this.settling - 1;
			this.smoothed = measured;
		}
		else {
			this.drifting = distance(measured, this.smoothed) > this.settings.sameWork();
			double logShare = Math.log(cpuShare(this.smoothed));
			logShare += this.settings.smoothing() * (Math.log(cpuShare(measured)) - logShare);
			this.smoothed = 1.0 - Math.exp(logShare);
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

	/**
	 * Whether the last tick's β differed from β̂ by more than the same work does ({@code sameWork}),
	 * yet by less than a regime change: work that changes by degrees, or a tick that saw old and new
	 * work, which β̂ follows only by smoothing.
	 */
	public boolean isDrifting() {
		return this.drifting;
	}

	/** Whether a β measured between ticks differs from β̂ by a regime change. */
	public boolean isNewWork(double measured) {
		return !Double.isNaN(this.smoothed) && distance(measured, this.smoothed) > this.settings.regimeChange();
	}

	/**
	 * How far apart two blocking ratios are for the policy: {@code |ln((1 − a) / (1 − b))|}, the factor
	 * between the knees they imply, on a log scale.
	 */
	public static double distance(double a, double b) {
		return Math.abs(Math.log(cpuShare(a) / cpuShare(b)));
	}

	private static double cpuShare(double beta) {
		return Math.max(MIN_CPU_SHARE, 1.0 - beta);
	}

}
