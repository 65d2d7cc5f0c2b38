package io.betapool.control;

import io.betapool.ControllerConfig;
import org.jspecify.annotations.Nullable;

import static io.betapool.control.Decisions.ratio;

/**
 * Past the model's knee, climbs on measured throughput by {@link GrowthTrial}s, and keeps what they
 * found in {@link TrialLimits}. At its target, with its threads busy and enough tasks per tick to count,
 * and with {@code Δ = max(scaleUpStep, ⌈trialStep · n⌉)}:
 * <pre>
 *   no ceiling:    trial n ↔ n + Δ (up to probeLimit × knee)   paid → floor = n + Δ, climb on
 *                                                             not paid → ceiling = n
 *   at a ceiling:  trial n − Δ ↔ n (not below the knee)        not paid → ceiling = n − Δ, step on down
 *                                                             paid → floor = n: hold here
 * </pre>
 * Arrivals that outrun the pool ({@link BacklogTrend}) grow it without a trial, and void what trials found.
 * A limit holds for {@code banTrials} trial lengths, and only while β̂ stays within {@code sameWork} of
 * the β̂ it was found at. The climb never goes below the model's knee, and a running trial is abandoned
 * as soon as the knee rises past its larger size: no trial holds a pool with work waiting below the
 * size the model calls for.
 */
final class HillClimb {

	/** What the climb asks of the pool: a size, why, and the reason to record. */
	record Step(int size, Reason reason, String text) {
	}

	private final ControllerConfig config;

	private final AdaptiveSettings settings;

	private final GrowthTrial trial;

	private final TrialLimits limits;

	private final BacklogTrend backlog;

	HillClimb(ControllerConfig config, AdaptiveSettings settings) {
		this.config = config;
		this.settings = settings;
		this.trial = new GrowthTrial(settings);
		this.limits = new TrialLimits(settings.sameWork());
		this.backlog = new BacklogTrend(config, settings);
	}

	/** Forgets the limits and any running trial: the work changed. */
	void forget() {
		this.limits.forget();
		this.trial.abandon();
	}

	/** {@code max(knee, min(floor, ceiling))}: a ceiling never holds the pool below the knee. */
	int target(int knee) {
		return this.limits.target(knee);
	}

	/** Expires limits, abandons a running trial whose ceiling was lifted, and follows the backlog. */
	void observe(ControlSample sample, boolean threadsCouldHelp, double beta) {
		this.backlog.observe(sample);
		if (this.limits.observe(sample, threadsCouldHelp, beta)) {
			this.trial.abandon();
		}
	}

	/**
	 * Takes a tick of a running trial.
	 * @param measurable whether work waited and the threads were busy through the tick
	 * @return the next step of the trial or its verdict; {@code null} when no trial runs or it was abandoned
	 */
	@Nullable Step continueTrial(ControlSample sample, boolean measurable, double beta, int knee) {
		if (!this.trial.isRunning()) {
			return null;
		}
		if (knee > this.trial.high()) {
			this.trial.abandon();
			return null;
		}
		GrowthTrial.Outcome outcome = this.trial.observe(sample, sample.blockingRatio(), measurable);
		int low = this.trial.low();
		int high = this.trial.high();
		long until = sample.nanoTime()
				+ (long) this.settings.banTrials() * this.trial.lengthInTicks() * this.config.monitorInterval().toNanos();
		String sizes = " (" + low + " ↔ " + high + " threads";
		String gain = sizes + ", mean gain " + ratio(this.trial.meanGain()) + " tasks/s on "
				+ ratio(this.trial.lowThroughput()) + ")";
		return switch (outcome) {
			case CONTINUE -> new Step(this.trial.nextSize(), Reason.TRIAL_STEP,
					"Trial" + sizes + "): " + this.trial.nextSize() + " threads next.");
			case PAID -> {
				this.limits.floor(high, until, beta);
				yield new Step(high, Reason.TRIAL_PAID, "The larger size paid" + gain + ": keeping " + high + " threads.");
			}
			case NOT_PAID -> {
				this.limits.ceiling(low, until, beta);
				yield new Step(low, Reason.TRIAL_NOT_PAID,
						"The larger size did not pay" + gain + ": keeping " + low + " threads.");
			}
			case ABANDONED -> null;
		};
	}

	/**
	 * At the target with work waiting: grows when arrivals outrun the pool, starts a trial when one can
	 * judge, else says why the pool holds.
	 * @param judgeable whether the threads are busy, the work settled and the tick's tasks enough to count
	 */
	Step climb(ControlSample sample, int knee, String why, boolean judgeable) {
		int n = sample.currentThreads();
		int outrun = Decisions.clamp(this.backlog.size(n, knee), sample);
		if (outrun > n) {
			// what trials found held for arrivals that this size kept up with
			forget();
			return new Step(outrun, Reason.OUTRUN, sample.queueSize() + " tasks wait and " + why + ", but tasks arrive "
					+ "faster than " + n + " threads complete them: growing to " + outrun + ".");
		}
		int step = Math.max(this.config.scaleUpStep(), (int) Math.ceil(this.settings.trialStep() * n));
		if (this.limits.hasCeiling() && n >= this.limits.ceiling()) {
			int low = n - step;
			if (judgeable && this.limits.floor() < n && low >= Math.max(knee, sample.minWorkers())) {
				this.trial.start(low, n, n, sample.blockingRatio());
				return new Step(low, Reason.FEWER_TRIAL_START, sample.queueSize() + " tasks wait, but more than " + n
						+ " threads did not raise throughput: trying " + low + " threads against " + n
						+ ", kept unless throughput falls.");
			}
			return new Step(n, Reason.AT_CEILING, "Work waits, but a trial showed that more than "
					+ this.limits.ceiling() + " threads did not raise throughput: growth vetoed for now.");
		}
		int high = Decisions.clamp(Math.min((long) n + step, (long) this.settings.probeLimit() * knee), sample);
		if (judgeable && high > n && sample.queueSize() >= high - n) {
			this.trial.start(n, high, n, sample.blockingRatio());
			return new Step(high, Reason.TRIAL_START, sample.queueSize() + " tasks wait and " + why + ": trying "
					+ high + " threads against " + n + ", kept if throughput rises.");
		}
		return new Step(n, Reason.AT_TARGET, "Work waits and " + why + ": at the target of "
				+ Decisions.clamp(this.limits.target(knee), sample) + " threads.");
	}

}
