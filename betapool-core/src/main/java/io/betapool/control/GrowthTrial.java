package io.betapool.control;

/**
 * Tells whether a larger pool pays, through throughput noise larger than the gain, by moving the pool
 * in a wave between two sizes and reading throughput at the wave's frequency — the design of the .NET
 * ThreadPool's hill climbing (Fuentes &amp; Hellerstein), in its simplest form: a square wave and a
 * paired test.
 *
 * <p>A trial between {@code low} and {@code high} threads alternates one tick at each size for
 * {@code trialPeriods} periods. With {@code T(high)ᵢ} and {@code T(low)ᵢ} the throughputs of period
 * {@code i}, the paired differences cancel any drift slower than the wave:
 * <pre>
 *   dᵢ = T(high)ᵢ − T(low)ᵢ,   d̄ = mean(d),   t = d̄ / (sd(d) / √k)
 *   the larger size pays  ⇔  t ≥ significance        (sd = 0: ⇔ d̄ &gt; 0)
 * </pre>
 * A trial starts from whichever of its two sizes the pool has, and moves first to the other. It is
 * abandoned when the work changes (β moves by more than {@code sameWork} from its start, as
 * {@link BlockingRatioEstimator#distance}), when no work
 * waits any more (throughput then follows the arrivals, not the threads), or when the pool is resized
 * by anything else.
 */
public final class GrowthTrial {

	/** What a tick of a trial led to. */
	public enum Outcome {

		/** The trial goes on: set the pool to {@link #nextSize()}. */
		CONTINUE,

		/** The larger size paid. */
		PAID,

		/** The larger size did not pay. */
		NOT_PAID,

		/** The trial could not be finished; the pool returns to the size it started from. */
		ABANDONED

	}

	private final AdaptiveSettings settings;

	private final double[] highThroughput;

	private final double[] lowThroughput;

	private boolean running;

	private int low;

	private int high;

	private int start;

	private int expected;

	private double betaAtStart;

	private int ticks;

	public GrowthTrial(AdaptiveSettings settings) {
		this.settings = settings;
		this.highThroughput = new double[settings.trialPeriods()];
		this.lowThroughput = new double[settings.trialPeriods()];
	}

	/**
	 * Starts a trial from the pool's current size, which must be {@code low} or {@code high}.
	 * @return the size to set now: the other one
	 */
	public int start(int low, int high, int current, double beta) {
		if (low >= high || (current != low && current != high)) {
			throw new IllegalArgumentException("a trial runs from one of its sizes " + low + " < " + high
					+ ", not from " + current);
		}
		this.running = true;
		this.low = low;
		this.high = high;
		this.start = current;
		this.betaAtStart = beta;
		this.ticks = 0;
		this.expected = (current == low) ? high : low;
		return this.expected;
	}

	public boolean isRunning() {
		return this.running;
	}

	public int low() {
		return this.low;
	}

	public int high() {
		return this.high;
	}

	/** The size the trial started from, to return to when it is abandoned. */
	public int startSize() {
		return this.start;
	}

	/** The size the pool should have next, while the trial goes on. */
	public int nextSize() {
		return this.expected;
	}

	/** Ends a running trial without a verdict. */
	public void abandon() {
		this.running = false;
	}

	/**
	 * Takes the tick measured at the size the trial set last.
	 * @param sample the tick
	 * @param measuredBeta the tick's measured β
	 * @param waiting whether work waited through the tick, so that its throughput shows what the threads can do
	 */
	public Outcome observe(ControlSample sample, double measuredBeta, boolean waiting) {
		if (!this.running) {
			throw new IllegalStateException("no trial is running");
		}
		boolean sameWork = Double.isNaN(measuredBeta)
				|| BlockingRatioEstimator.distance(measuredBeta, this.betaAtStart) <= this.settings.sameWork();
		if (sample.currentThreads() != this.expected || !sameWork || !waiting) {
			this.running = false;
			return Outcome.ABANDONED;
		}
		int period = this.ticks / 2;
		if (this.expected == this.high) {
			this.highThroughput[period] = sample.throughput();
		}
		else {
			this.lowThroughput[period] = sample.throughput();
		}
		this.ticks++;
		if (this.ticks < 2 * this.settings.trialPeriods()) {
			this.expected = (this.expected == this.high) ? this.low : this.high;
			return Outcome.CONTINUE;
		}
		this.running = false;
		return pays() ? Outcome.PAID : Outcome.NOT_PAID;
	}

	/** The mean gain per period of the larger size, in tasks per second, over the last trial. */
	public double meanGain() {
		double sum = 0;
		for (int i = 0; i < this.highThroughput.length; i++) {
			sum += this.highThroughput[i] - this.lowThroughput[i];
		}
		return sum / this.highThroughput.length;
	}

	/** The mean throughput at the smaller size over the last trial. */
	public double lowThroughput() {
		double sum = 0;
		for (double t : this.lowThroughput) {
			sum += t;
		}
		return sum / this.lowThroughput.length;
	}

	private boolean pays() {
		int k = this.highThroughput.length;
		double mean = meanGain();
		double squares = 0;
		for (int i = 0; i < k; i++) {
			double d = this.highThroughput[i] - this.lowThroughput[i] - mean;
			squares += d * d;
		}
		double sd = Math.sqrt(squares / (k - 1));
		if (sd == 0) {
			return mean > 0;
		}
		return mean / (sd / Math.sqrt(k)) >= this.settings.significance();
	}

	/** Ticks one trial lasts. */
	public int lengthInTicks() {
		return 2 * this.settings.trialPeriods();
	}

}
