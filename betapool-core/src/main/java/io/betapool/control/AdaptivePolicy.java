package io.betapool.control;

import io.betapool.ControllerConfig;
import io.betapool.ScalingDecision;
import org.jspecify.annotations.Nullable;

import static io.betapool.control.Decisions.percent;
import static io.betapool.control.Decisions.ratio;

/**
 * The default policy: a pipeline of small parts, each with one job and its own formula.
 *
 * <ol>
 * <li>{@link BlockingRatioEstimator}: the smoothed β̂, corrected for run-queue delay, and regime changes.</li>
 * <li>{@link KneeModel}: the knee, the smallest size at which the cores, not the threads, are the limit.</li>
 * <li>{@link TrialLimits}: what growth trials found, {@code target = max(knee, floor)}; a ceiling stops the climb past it.</li>
 * <li>{@link CpuSaturationGuard}: no growth onto cores that other load saturates.</li>
 * <li>{@link HillClimb}: past the target, a size is kept if a wave ({@link GrowthTrial}) shows it pays or arrivals outrun the pool ({@link BacklogTrend}).</li>
 * <li>{@link Hysteresis}: spare threads stay for a keep-alive period, then retire gradually.</li>
 * <li>{@link CpuBudget}: the share of the cores the pool may use, when the pools of a process share them.</li>
 * </ol>
 *
 * The rules, with {@code n} the current size, clamped to {@code [minWorkers, maxWorkers]}:
 * <pre>
 *   work waits (queued now, or queue wait &gt; 10 % of run time):
 *     target &gt; n, and the pool's own threads do not fill the cores ({@link CpuSaturationGuard#poolFillsCores})
 *                        →  grow to min(target, {@link AdaptiveSettings#growthBound}): the tasks present, doubling per
 *                              fast tick; on cores that other load saturates, within {@link CpuSaturationGuard}'s budget (none: veto)
 *     the tick measured no β (woken before the new tasks ran), and no growth toward the target of the
 *     work last measured  →  hold, and tick again after a fast tick
 *     β̂ &lt; betaLowThreshold, n − knee ≥ deadband(n)  →  shrink to the knee: CPU-bound work only competes for cores
 *     the pool's own threads fill the cores  →  veto: it is at its knee or past it
 *     n ≥ target  →  {@link HillClimb}: grow if arrivals outrun n threads, else try a size when tasks are enough to count
 *   no work waits:
 *     needed = max(⌈busy + spareDeviations · √busy⌉, minWorkers); CPU-bound: shrink to max(needed, knee) at once;
 *     otherwise the {@link Hysteresis} retires threads above {@code needed} after the keep-alive
 * </pre>
 * No warm-up count and no stabilisation window hold the pool below its target while work waits: a
 * cold pool reads β from its running workers' scheduler statistics, and grows, at most doubling per
 * fast tick, as soon as one tick has measured it. While it grows the controller ticks every
 * {@code fastTick}, and a submission that finds work queued wakes it; while β̂ follows new work, or
 * drifts with work waiting, it ticks every {@code settleTick}.
 *
 * <p><b>Without scheduler statistics</b> (non-Linux) β cannot be corrected and reads high under CPU
 * oversubscription; there a saturated CPU with work waiting retires {@code scaleDownStep} threads per
 * tick, as the seed does.
 */
public final class AdaptivePolicy implements ScalingPolicy {

	private final ControllerConfig config;

	private final AdaptiveSettings settings;

	private final BlockingRatioEstimator estimator;

	private final CpuSaturationGuard guard;

	private final HillClimb climb;

	private final Hysteresis hysteresis;

	private final CpuBudget.@Nullable Share share;

	private boolean growing;

	private boolean lastWaiting;

	private Reason lastReason = Reason.MEASURING;

	private long grownAt;

	public AdaptivePolicy(ControllerConfig config) {
		this(config, AdaptiveSettings.of(config), null);
	}

	/**
	 * @param config the controller's configuration
	 * @param settings the policy's tunables
	 * @param share the pool's place in a {@link CpuBudget}, claimed each tick; {@code null} to see every core
	 */
	public AdaptivePolicy(ControllerConfig config, AdaptiveSettings settings, CpuBudget.@Nullable Share share) {
		this.config = config;
		this.share = share;
		this.settings = settings;
		this.estimator = new BlockingRatioEstimator(settings);
		this.guard = new CpuSaturationGuard(config, settings);
		this.climb = new HillClimb(config, settings);
		this.hysteresis = new Hysteresis(settings, config.scaleDownStep());
	}

	/**
	 * Growing toward the target with work waiting, following new work, or, with work waiting, a β̂ that
	 * drifts (the last tick's β differed from it by more than the same work does): the controller ticks
	 * fast, so that β̂ follows work that changes by degrees within ticks rather than half-second ticks.
	 */
	@Override
	public boolean isSettling() {
		return this.growing || isFollowing();
	}

	/** β̂ follows new work, or drifts with work waiting. */
	private boolean isFollowing() {
		return this.estimator.isSettling() || (this.lastWaiting && this.estimator.isDrifting());
	}

	/**
	 * A backlog is news, worth a tick now, when the last tick saw no work waiting or grew the pool toward
	 * its target; at its target, with work waiting and a trial running, the next tick decides.
	 */
	@Override
	public boolean wakesOnBacklog() {
		return this.growing || this.lastReason == Reason.MEASURING || !this.lastWaiting;
	}

	@Override
	public boolean isNewWork(double blockingRatio) {
		return this.estimator.isNewWork(blockingRatio);
	}

	@Override
	public double blockingRatioOf(ControlSample sample) {
		double beta = this.estimator.value();
		return Double.isNaN(beta) ? sample.blockingRatio() : beta;
	}

	/**
	 * How often the controller should tick while {@link #isSettling()}, and how soon after a tick a
	 * wake-up may bring the next: fast, but for ticks that only follow new or drifting work without growth.
	 */
	@Override
	public java.time.Duration fastTick() {
		return (isFollowing() && !this.growing) ? this.settings.settleTick() : this.settings.fastTick();
	}

	Reason lastReason() {
		return this.lastReason;
	}

	@Override
	public ScalingDecision decide(ControlSample sample) {
		double beta = this.estimator.update(sample.blockingRatio());
		if (this.estimator.changed()) {
			this.climb.forget();
		}
		boolean waiting = sample.workIsWaiting();
		this.growing = false;
		this.lastWaiting = waiting;
		CpuBudget.Allotment cores = CpuBudget.claim(this.share, sample, beta, waiting);
		if (Double.isNaN(beta)) {
			if (waiting) {
				this.growing = true;
				return hold(sample, beta, Reason.MEASURING, "Work waits; measuring β of the running tasks.");
			}
			return spare(sample, beta, sample.minWorkers(), sample.minWorkers());
		}
		int n = sample.currentThreads();
		int knee = KneeModel.kneeSize(cores.cores(), sample.cores(), beta, sample.maxWorkers());
		boolean cpuBound = beta < this.config.betaLowThreshold();
		boolean saturated = this.guard.isSaturated(sample, beta, cores.othersUsed());
		boolean coresFull = CpuSaturationGuard.poolFillsCores(sample, cores.cores());
		this.climb.observe(sample, !cpuBound && !saturated && !coresFull && n < sample.maxWorkers(), beta);
		HillClimb.Step trial = this.climb.continueTrial(sample, waiting && isBusy(sample), beta, knee);
		if (trial != null) {
			return apply(sample, beta, trial);
		}
		int target = Decisions.clamp(this.climb.target(knee), sample);
		String on = (cores.cores() < sample.cores()) ? ratio(cores.cores()) + " of " + sample.cores() + " cores (its share)"
				: sample.cores() + " cores";
		String why = "β " + ratio(beta) + " on " + on + " gives a knee of " + knee + " threads";
		if (!waiting) {
			long needed = this.settings.spareSize(sample.busyThreads());
			if (cpuBound) {
				int size = Decisions.clamp(Math.max(needed, knee), sample);
				if (size < n) {
					return resize(sample, beta, size, Reason.CPU_BOUND,
							"CPU-bound work: " + why + "; retiring threads that could only compete for the cores.");
				}
			}
			return spare(sample, beta, Decisions.clamp(needed, sample), knee);
		}
		this.hysteresis.reset();
		if (saturated && CpuSaturationGuard.isBlind(sample) && n > sample.minWorkers()) {
			int size = Decisions.clamp((long) n - this.config.scaleDownStep(), sample);
			return resize(sample, beta, size, Reason.BLIND_SATURATED, "CPU " + percent(sample.cpuPercent())
					+ " is saturated and this platform gives no scheduler statistics to tell waiting for I/O "
					+ "from waiting for a core: retiring " + (n - size) + " threads.");
		}
		// work waits: even one more thread helps, so no deadband holds the pool below its target
		if (target > n && !coresFull) {
			long bound = this.settings.growthBound(n, (long) sample.activeThreads() + sample.queueSize(),
					(this.lastReason == Reason.GROW) ? sample.nanoTime() - this.grownAt : 0, this.config.scaleUpStep());
			long budget = this.guard.budget(sample, beta, cores.othersUsed());
			int size = Decisions.clamp(Math.min(Math.min(target, budget), bound), sample);
			if (size > n) {
				this.growing = true; // tick again soon: the β of the larger pool may move its target
				this.grownAt = sample.nanoTime();
				String cpu = (budget == Long.MAX_VALUE) ? "" : "; the saturated CPU (" + percent(sample.cpuPercent())
						+ ") has room for " + (budget - n) + " more";
				return resize(sample, beta, size, Reason.GROW,
						sample.queueSize() + " tasks wait and " + why + cpu + ": growing to " + size + ".");
			}
			if (saturated) {
				return veto(sample, beta, Reason.VETO_SATURATED, "Work waits and " + why
						+ ", but the CPU is saturated (" + percent(sample.cpuPercent()) + "): growth vetoed.");
			}
		}
		if (Double.isNaN(sample.blockingRatio()) && n < sample.maxWorkers()) {
			// woken by a backlog before the new tasks ran: what they are is not known yet, so look again soon
			this.growing = true;
			return hold(sample, beta, Reason.MEASURING, "Work waits; measuring β of the tasks that just started.");
		}
		if (cpuBound && n - knee >= this.settings.deadbandOf(n) && knee >= sample.minWorkers()) {
			return resize(sample, beta, Decisions.clamp(knee, sample), Reason.CPU_BOUND,
					"CPU-bound work: " + why + ": shrinking to " + Decisions.clamp(knee, sample) + ".");
		}
		if (n >= sample.maxWorkers()) {
			return hold(sample, beta, Reason.AT_MAXIMUM, "Work waits, but the pool is at its maximum of " + n + " threads.");
		}
		if (coresFull && !cpuBound) {
			return veto(sample, beta, Reason.CORES_FULL, "Work waits and " + why + ", but the pool's own threads "
					+ "already keep the cores busy (" + ratio(CpuSaturationGuard.coresUsed(sample)) + " of " + on
					+ "): more threads would only wait for them.");
		}
		return atTarget(sample, beta, knee, why, cpuBound, saturated);
	}

	/**
	 * The pool is at its target with work waiting: climb (by trials, or with arrivals that outrun it), else hold or veto.
	 */
	private ScalingDecision atTarget(ControlSample sample, double beta, int knee, String why, boolean cpuBound,
			boolean saturated) {
		int n = sample.currentThreads();
		if (saturated) {
			return veto(sample, beta, Reason.VETO_SATURATED, "Work waits and " + why + ", but the CPU is saturated ("
					+ percent(sample.cpuPercent()) + "): growth vetoed.");
		}
		if (cpuBound) {
			return veto(sample, beta, Reason.AT_TARGET,
					"Work waits, but " + why + ": more threads would only compete for the CPU.");
		}
		boolean judgeable = isBusy(sample) && !this.estimator.isSettling() && sample.intervalTasks() >= 4L * n;
		return apply(sample, beta, this.climb.climb(sample, knee, why, judgeable));
	}

	private ScalingDecision apply(ControlSample sample, double beta, HillClimb.Step step) {
		int size = Decisions.clamp(step.size(), sample);
		if (step.reason() == Reason.AT_CEILING) {
			return veto(sample, beta, step.reason(), step.text());
		}
		return (size == sample.currentThreads()) ? hold(sample, beta, step.reason(), step.text())
				: resize(sample, beta, size, step.reason(), step.text());
	}

	/** No work waits: keep {@code needed} threads, retiring spare ones after the keep-alive. */
	private ScalingDecision spare(ControlSample sample, double beta, int needed, int knee) {
		int n = sample.currentThreads();
		int size = Decisions.clamp(this.hysteresis.retire(n, Math.min(n, needed), sample.nanoTime()), sample);
		if (size < n) {
			return resize(sample, beta, size, Reason.RETIRE_SPARE, "Spare threads: " + ratio(sample.busyThreads())
					+ " of " + n + " were busy and no work waited for "
					+ Decisions.millis(this.settings.keepAlive().toNanos()) + "; retiring to " + size + ".");
		}
		if (n - needed >= Math.max(this.config.scaleDownStep(), this.settings.deadbandOf(n))) {
			return hold(sample, beta, Reason.KEEP_SPARE, "Keeping " + (n - needed) + " spare threads for "
					+ Decisions.millis(this.settings.keepAlive().toNanos() - this.hysteresis.excessNanos(sample.nanoTime()))
					+ " more: no work waits (" + ratio(sample.busyThreads()) + " of " + n + " busy).");
		}
		return hold(sample, beta, Reason.NEEDED, "No work waits; " + ratio(sample.busyThreads()) + " of " + n
				+ " threads busy" + (Double.isNaN(beta) ? "." : ", knee " + knee + "."));
	}

	private boolean isBusy(ControlSample sample) {
		return sample.busyThreads() >= this.settings.busyShare() * sample.currentThreads();
	}

	private ScalingDecision hold(ControlSample sample, double beta, Reason reason, String text) {
		this.lastReason = reason;
		return Decisions.hold(sample, beta, text);
	}

	private ScalingDecision veto(ControlSample sample, double beta, Reason reason, String text) {
		this.lastReason = reason;
		return Decisions.veto(sample, beta, text);
	}

	private ScalingDecision resize(ControlSample sample, double beta, int size, Reason reason, String text) {
		this.lastReason = reason;
		if (size > sample.currentThreads()) {
			this.hysteresis.reset();
		}
		return Decisions.resize(sample, beta, size, text);
	}

}
