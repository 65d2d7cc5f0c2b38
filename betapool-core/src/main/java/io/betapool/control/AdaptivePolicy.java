package io.betapool.control;

import io.betapool.ControllerConfig;
import io.betapool.ScalingDecision;
import org.jspecify.annotations.Nullable;

import static io.betapool.control.Decisions.hold;
import static io.betapool.control.Decisions.percent;
import static io.betapool.control.Decisions.ratio;
import static io.betapool.control.Decisions.resize;
import static io.betapool.control.Decisions.veto;

/**
 * The default policy: moves the pool straight to the size the blocking ratio calls for, then probes
 * past it while throughput keeps rising.
 *
 * <p><b>The target.</b> With β̂ the smoothed blocking ratio corrected for run-queue delay, the
 * machine-repairman model ({@link KneeModel}) gives the knee of the pool, the smallest size at which
 * the cores, not the threads, are the limit:
 * <pre>
 *   β = 1 − cpu / (busy − runQueueDelay)
 *   β̂ ← β̂ + {@value #SMOOTHING} · (β − β̂),  or β̂ ← β when |β − β̂| &gt; {@value #REGIME_CHANGE}
 *   knee = max(min { N : U(N; cores, β̂) ≥ 0.97 }, proven)
 * </pre>
 * It lies above Goetz's {@code ⌈cores / (1 − β̂)⌉}, which assumes every thread finds a free core the
 * moment it needs one. Because β excludes the time a runnable thread waits for a core, CPU-bound work
 * reads β ≈ 0 however many threads compete, and the knee stays at {@code cores}. {@code proven} is the
 * largest size a probe (below) showed to pay for the present work; it is forgotten when β̂ moves by
 * more than {@value #SAME_WORK}.
 *
 * <p><b>Warm-up.</b> No resize before {@code warmupTaskCount} tasks have completed — unless one has,
 * and every thread was busy for at least {@value #WARM_BUSY_SHARE} of the tick while tasks queued: then
 * β describes the tasks, and slow tasks on a cold pool would otherwise build a backlog.
 *
 * <p><b>The rules,</b> with {@code n} the current size, clamped to {@code [minWorkers, maxWorkers]}:
 * <pre>
 *   work waits (queued now, or queue wait &gt; 10 % of run time):
 *       desired = min(knee, max(n, active + queued))
 *   no work waits:
 *       desired = min(knee, n, max(1, ⌈busy + {@value #SPARE_DEVIATIONS} · √busy⌉))
 *   desired &gt; n  →  grow to min(knee, max(desired, n + scaleUpStep)), unless the CPU is saturated by
 *                   more than this pool: with s the share of their busy time the workers wait for a
 *                   core and ŝ the share the model expects of n threads, cpu ≥ cpuUpperThreshold and
 *                   s − ŝ ≥ {@value #BUSY_CORE_RUN_QUEUE_SHARE}, or cpu ≥ cpuLowerThreshold and
 *                   s − ŝ ≥ {@value #SATURATED_RUN_QUEUE_SHARE} (veto)
 *   desired = n ≥ knee, at least ⌈{@value #PROBE_STEP} · n⌉ tasks queued and {@value #WARM_BUSY_SHARE} of the
 *                   threads busy  →  probe: grow by that many, up to {@value #PROBE_LIMIT} × the modelled knee
 *   desired &lt; n  →  CPU-bound (β̂ &lt; betaLowThreshold) or work waits: shrink to desired;
 *                   idle: shrink by half the excess, at least scaleDownStep
 *   no task ran  →  idle: shrink by half the excess over minWorkers
 * </pre>
 * <b>Hysteresis.</b> A resize smaller than {@code max(step, }{@value #RELATIVE_DEADBAND}{@code · n)} is
 * not made; a resize in the direction opposite to the last one waits for {@code stabilizationWindow},
 * unless β changed by more than {@value #REGIME_CHANGE} since: then the work is new and the pool
 * follows it at once.
 *
 * <p><b>Growth that must pay.</b> Some work does not speed up with threads although its threads
 * wait: tasks that queue on one lock (the JVM's nearest analogue of the GIL), or a backend that is
 * already saturated; and past the knee, only the randomness the model averages decides whether more
 * threads help. After a probe, or a growth by a share g ≥ 1/4 while work waits — and only when each thread
 * completed at least {@value #MIN_TASKS_PER_THREAD} tasks in the tick, so that tasks are short enough for
 * throughput to respond within one — the next tick checks that throughput rose, over the mean of the
 * latest {@value #BASELINE_TICKS} ticks of the same work at the former size, by at least
 * min(g, 1) · {@value #MIN_GAIN_PERCENT} % (min(g, 1) · {@value #PROBE_GAIN_PERCENT} % for a probe), or
 * — below the knee — that the queue shrank by more than the added threads took from it plus {@code n}:
 * an open loop's throughput follows its arrivals, and a backlog that drains is what the threads bought
 * (past the knee a backlog drains after each burst of arrivals whatever the size). If not,
 * while the work is still of the same kind (β moved by at most {@value #SAME_WORK}), enough
 * tasks are still queued to keep the added threads busy and {@value #WARM_BUSY_SHARE} of the threads
 * were busy through the tick (else throughput followed the arrivals, not the threads), the pool
 * returns to its former size and does not grow past it for {@value #CEILING_WINDOWS} stabilisation
 * windows, until the work changes (a regime change), or until the pool falls behind (below). When
 * the tick cannot judge it, a growth below the knee stays, as the model asks, but a probe returns: only
 * a gain keeps a probe, and kept unjudged, probe after probe would ratchet the pool up. One
 * tick's throughput varies by several per cent, more than a probe must gain, so a probe that pays
 * holds for one more tick and must pay again, against the same throughput before it; then it becomes
 * {@code proven}. A probe waits until {@value #BASELINE_TICKS} ticks with {@value #WARM_BUSY_SHARE} of
 * the threads busy were measured at the present size: against one low tick, both of its own ticks
 * would pass.
 *
 * <p><b>Fewer threads.</b> With every thread busy ({@value #WARM_BUSY_SHARE} of them or more), work
 * waiting and the work not CPU-bound, something other than the cores limits it when a growth below
 * the knee did not pay, or when the threads keep fewer cores busy than the model expects of them at
 * the β just measured — that is, they wait for a core far more than their own number explains (the
 * wake-ups of a contended monitor, or other load):
 * <pre>
 *   (1 − β) · busy · (1 − s)  &lt;  {@value #IDLE_CORES_SHARE} · U(n; cores, β) · cores
 * </pre>
 * Waiting for a monitor counts as blocking, so lock-bound work reads a high β and a large knee. Then
 * the pool probes fewer threads: it shrinks by ⌈{@value #SHRINK_PROBE_STEP} · n⌉ (not below {@code cores}),
 * keeps the smaller size — as a ceiling — if the next tick's throughput is at most
 * {@value #SHRINK_LOSS_PERCENT} % below the throughput before the first probe of the series and the
 * queue grew by no more than the threads removed plus the size probed from (throughput that follows
 * the arrivals holds until the backlog shows the loss), and otherwise returns and probes no lower
 * for {@value #CEILING_WINDOWS} stabilisation windows.
 *
 * <p><b>Falling behind.</b> A closed loop's backlog holds still; an open loop's grows only while tasks
 * arrive faster than the pool completes them. When the queue grows by at least {@code n} tasks on
 * {@value #BEHIND_TICKS} ticks in a row, the ceiling and the floor that probes found no longer hold —
 * one tick's throughput follows the arrivals and can misjudge a probe — and they are dropped; no probe
 * with fewer threads starts while the backlog grows.
 *
 * <p><b>Settling.</b> On a regime change β̂ follows the measured β unsmoothed, for at most
 * {@value #SETTLING_TICKS} ticks (further changes meanwhile count down too), until two ticks in a row
 * agree within {@value #SAME_WORK} or no work is measured: the first tick after a change measures a
 * mix of old and new work. Meanwhile {@link #isSettling()} asks the controller for faster ticks, and
 * no growth is judged. A smaller move of β, by more than {@value #SAME_WORK}, asks for one fast tick,
 * to see whether the work is changing; a regime change on that tick settles in full. Between ticks,
 * the controller's short looks at a small pool ({@link #isNewWork}) bring a regime change forward to
 * the look that sees it.
 *
 * <p>A pool within the deadband below the knee counts as at the knee, and probes.
 *
 * <p><b>Without scheduler statistics</b> (non-Linux systems) β cannot be corrected, and under CPU
 * oversubscription it reads high. There a saturated CPU with waiting work retires
 * {@code scaleDownStep} threads per tick, as the seed does.
 */
public final class AdaptivePolicy implements ScalingPolicy {

	/** Weight of the newest interval in the smoothed β. */
	public static final double SMOOTHING = 0.5;

	/**
	 * Share of busy time spent waiting for a core below which a busy CPU is not this pool's doing: other
	 * processes load it, and this pool's threads still get a core when they need one.
	 */
	public static final double BUSY_CORE_RUN_QUEUE_SHARE = 0.05;

	/** A change of β larger than this is a new kind of work: the smoothed β jumps to it. */
	public static final double REGIME_CHANGE = 0.25;

	/**
	 * Spare threads kept over the measured busy threads when no work waits, in standard deviations of
	 * their number: square-root staffing, {@code ⌈busy + z · √busy⌉}. With Poisson arrivals the busy
	 * count varies by about √busy, and z = 2.5 keeps the share of tasks that find every thread busy
	 * near 1 % (Erlang C) at any size, where a fixed 25 % headroom lets one task in five wait on a
	 * pool of a few threads.
	 */
	public static final double SPARE_DEVIATIONS = 2.5;

	/** Share of busy time spent waiting for a core above which the CPU counts as saturated. */
	public static final double SATURATED_RUN_QUEUE_SHARE = 0.2;

	/** Resizes smaller than this share of the current size are not made. */
	public static final double RELATIVE_DEADBAND = 0.1;

	/** Smallest throughput gain that justifies a doubling of the pool, in percent; smaller growths need proportionally less. */
	public static final int MIN_GAIN_PERCENT = 20;

	/** Largest change of the measured β across a growth for which the growth check still judges it. */
	public static final double SAME_WORK = 0.1;

	/**
	 * Tasks each thread must complete in a tick for the growth check to judge throughput: with fewer,
	 * tasks outlast the tick and throughput cannot respond to new threads within one.
	 */
	public static final int MIN_TASKS_PER_THREAD = 4;

	/**
	 * Smallest throughput gain that justifies a doubling of the pool past the modelled knee, in percent;
	 * a probe by a fifth needs a fifth of it.
	 */
	public static final int PROBE_GAIN_PERCENT = 10;

	/** The share of its threads a pool must keep busy through a tick, tasks queued, to end the warm-up early. */
	public static final double WARM_BUSY_SHARE = 0.9;

	/**
	 * How far past the modelled knee probes may go, as a multiple of it: the model is off by less than this
	 * for real work, and single-tick throughput noise must not ratchet the pool up without bound.
	 */
	public static final int PROBE_LIMIT = 2;

	/**
	 * Share of the model's core use below which the cores are not what limits a pool whose threads are
	 * all busy: something else is, such as a lock, and fewer threads may do as well.
	 */
	public static final double IDLE_CORES_SHARE = 0.75;

	/** Largest throughput loss, in percent, for which a probe with fewer threads is kept. */
	public static final int SHRINK_LOSS_PERCENT = 2;

	/** Most ticks β follows its measurement unsmoothed after a regime change. */
	public static final int SETTLING_TICKS = 5;

	/**
	 * The share of the current size a probe past the knee adds: small, because one tick's throughput
	 * cannot tell the last few per cent of the cores from noise, and a probe kept on noise alone should
	 * leave the pool close to the knee.
	 */
	public static final double PROBE_STEP = 0.2;

	/** The share of the current size a probe with fewer threads removes. */
	public static final double SHRINK_PROBE_STEP = 0.25;

	/** How many stabilisation windows a ceiling found by a growth that did not pay lasts. */
	public static final int CEILING_WINDOWS = 10;

	/** Ticks in a row on which the queue must grow, by the pool's size or more, for the pool to count as behind. */
	public static final int BEHIND_TICKS = 3;

	/**
	 * Ticks of settled work at the present size whose mean throughput a growth is judged against; a
	 * probe waits until that many were measured. One tick alone is a noisy baseline, and a low one
	 * would let both of a probe's ticks pass.
	 */
	public static final int BASELINE_TICKS = 2;

	private final ControllerConfig config;

	private double smoothedBeta = Double.NaN;

	private int lastDirection;

	private long lastResizeNanos;

	private int growthCheckFrom;

	private double throughputBeforeGrowth;

	private double betaAtGrowth;

	private int queueAtGrowth;

	private boolean probing;

	/** Whether the armed check is a probe's second: its first tick paid. */
	private boolean confirming;

	private int proven;

	private double betaAtProven;

	private int ceiling = Integer.MAX_VALUE;

	private int floor;

	private boolean limitedElsewhere;

	/** The size a growth below the knee did not pay from, while {@code limitedElsewhere}. */
	private int limitedAt;

	/** The throughput before the first of a series of fewer-thread probes; 0 outside a series. */
	private double shrinkReference;

	private long limitsSinceNanos;

	private int settlingTicks;

	private boolean tracking;

	private double lastMeasured = Double.NaN;

	private int lastQueue = -1;

	/** Ticks in a row on which the queue grew by the pool's size or more. */
	private int backlogRises;

	/** The size the throughputs in {@code baseline} were measured at. */
	private int baselineSize;

	/** Measurable ticks of settled work in a row at {@code baselineSize}. */
	private int baselineTicks;

	/** The throughputs of the latest of those ticks, a ring. */
	private final double[] baseline = new double[BASELINE_TICKS];

	/** Why the limits were just dropped, for the next resize's reason; empty otherwise. */
	private String droppedLimits = "";

	public AdaptivePolicy(ControllerConfig config) {
		this.config = config;
	}

	@Override
	public boolean isSettling() {
		return this.settlingTicks > 0;
	}

	/** A look between ticks that moved β by more than {@value #REGIME_CHANGE}: new work, tick now. */
	@Override
	public boolean isNewWork(double blockingRatio) {
		return !Double.isNaN(this.smoothedBeta) && Math.abs(blockingRatio - this.smoothedBeta) > REGIME_CHANGE;
	}

	@Override
	public double blockingRatioOf(ControlSample sample) {
		return Double.isNaN(this.smoothedBeta) ? sample.blockingRatio() : this.smoothedBeta;
	}

	@Override
	public ScalingDecision decide(ControlSample sample) {
		ScalingDecision decision = decideOn(sample);
		if (this.droppedLimits.isEmpty()) {
			return decision;
		}
		String why = this.droppedLimits;
		this.droppedLimits = "";
		return new ScalingDecision(decision.timestamp(), decision.threadsBefore(), decision.threadsAfter(),
				decision.blockingRatio(), decision.cpuPercent(), decision.throughput(), decision.action(),
				why + decision.reason());
	}

	private ScalingDecision decideOn(ControlSample sample) {
		int n = sample.currentThreads();
		double measured = sample.blockingRatio();
		if (Double.isNaN(measured)) {
			// no measurable work: nothing to settle on, and an idle pool ticks at the interval
			this.settlingTicks = 0;
			this.tracking = false;
		}
		else {
			double move = Math.abs(measured - this.smoothedBeta);
			boolean regimeChange = move > REGIME_CHANGE;
			if (regimeChange) {
				// a change while settling counts down too, so that work whose β flips every tick settles;
				// an early look after a smaller move is no settling yet
				this.settlingTicks = this.tracking ? this.settlingTicks - 1 : SETTLING_TICKS;
				this.tracking = this.settlingTicks > 0;
			}
			else if (this.settlingTicks > 0
					&& (Math.abs(measured - this.lastMeasured) <= SAME_WORK || --this.settlingTicks == 0)) {
				this.settlingTicks = 0;
				this.tracking = false;
			}
			else if (this.settlingTicks == 0 && move > SAME_WORK) {
				// perhaps the first sign of new work: look again soon
				this.settlingTicks = 1;
			}
			// while the work changes, a tick's mix of old and new work is already out of date by the next
			this.smoothedBeta = (Double.isNaN(this.smoothedBeta) || regimeChange || this.tracking) ? measured
					: this.smoothedBeta + SMOOTHING * (measured - this.smoothedBeta);
			this.lastMeasured = measured;
			if (regimeChange) {
				// new work: the last resize answered other work, so turning back is no oscillation,
				// and what growth did or did not buy for that work says nothing about this
				this.lastDirection = 0;
				forgetLimits();
				this.proven = 0;
			}
		}
		trackBacklog(sample);
		trackBaseline(sample);
		double beta = this.smoothedBeta;
		if (sample.completedTasks() < this.config.warmupTaskCount() && !isBusyWithWorkQueued(sample)) {
			return hold(sample, beta, "Warming up: " + sample.completedTasks() + " of "
					+ this.config.warmupTaskCount() + " tasks completed.");
		}
		if (Double.isNaN(measured)) {
			return idle(sample, beta);
		}
		ScalingDecision checked = checkLastGrowth(sample, beta);
		if (checked != null) {
			return checked;
		}
		if ((this.ceiling != Integer.MAX_VALUE || this.floor != 0)
				&& sample.nanoTime() - this.limitsSinceNanos > limitsDuration()) {
			forgetLimits();
		}
		if (this.proven != 0 && Math.abs(beta - this.betaAtProven) > SAME_WORK) {
			this.proven = 0;
		}
		boolean behind = this.backlogRises >= BEHIND_TICKS;
		if (behind && (this.ceiling != Integer.MAX_VALUE || this.floor != 0 || this.limitedElsewhere)) {
			forgetLimits();
			this.droppedLimits = "The queue grew on " + this.backlogRises
					+ " ticks in a row: the pool falls behind its arrivals, and the limits probes found are dropped. ";
			this.backlogRises = 0;
		}
		boolean waiting = sample.workIsWaiting();
		if (waiting && !behind && isLimitedByOtherThanCores(sample, beta)) {
			return shrinkProbe(sample, beta);
		}
		int model = KneeModel.kneeSize(sample.cores(), beta, sample.maxWorkers());
		int knee = Decisions.clamp(Math.max(model, this.proven), sample);
		int desired;
		if (waiting) {
			desired = (int) Math.min(knee, Math.max(n, (long) sample.activeThreads() + sample.queueSize()));
		}
		else {
			long busyNeed = spareSize(sample.busyThreads());
			desired = (int) Math.min(Math.min(knee, n), Math.max(sample.minWorkers(), busyNeed));
		}
		desired = Decisions.clamp(desired, sample);
		String why = (knee > model) ? "β " + ratio(beta) + " on " + sample.cores() + " cores gives a knee of " + model
				+ " threads, and growing to " + knee + " raised throughput"
				: "β " + ratio(beta) + " on " + sample.cores() + " cores gives a knee of " + knee + " threads";
		boolean nearKnee = waiting && desired == knee && desired - n < deadband(n);
		if (desired > n && !nearKnee) {
			return grow(sample, beta, knee, desired, why);
		}
		if (desired < n) {
			return shrink(sample, beta, desired, waiting, why);
		}
		if (waiting) {
			return vetoOrHold(sample, beta, knee, model, why);
		}
		return hold(sample, beta, "At the size the work needs: " + why + " and " + ratio(sample.busyThreads())
				+ " threads were busy.");
	}

	private ScalingDecision idle(ControlSample sample, double beta) {
		int n = sample.currentThreads();
		if (sample.queueSize() > 0 || sample.activeThreads() > 0 || n <= sample.minWorkers()) {
			return hold(sample, beta, "No task completed during the interval.");
		}
		int excess = n - sample.minWorkers();
		int target = Decisions.clamp(n - Math.max(this.config.scaleDownStep(), (excess + 1) / 2), sample);
		if (isReversal(sample, -1)) {
			return hold(sample, beta, "Idle, but stabilising after the last growth.");
		}
		return resized(sample, resize(sample, beta, target, "Idle: no task ran during the interval; retiring "
				+ (n - target) + " of the " + excess + " threads above the minimum."), -1);
	}

	private ScalingDecision checkLastGrowth(ControlSample sample, double beta) {
		int from = this.growthCheckFrom;
		if (from == 0) {
			return null;
		}
		this.growthCheckFrom = 0;
		boolean probe = this.probing;
		this.probing = false;
		if (this.settlingTicks > 0) {
			// the work is changing: throughput now says nothing about the threads
			this.shrinkReference = 0;
			this.confirming = false;
			return null;
		}
		int n = sample.currentThreads();
		double growth = (double) (n - from) / from;
		int gainPercent = probe ? PROBE_GAIN_PERCENT : MIN_GAIN_PERCENT;
		double needed = this.throughputBeforeGrowth * (1 + Math.min(1.0, growth) * gainPercent / 100.0);
		boolean sameWork = Math.abs(sample.blockingRatio() - this.betaAtGrowth) <= SAME_WORK;
		if (!sameWork || from == n) {
			this.confirming = false;
			return null;
		}
		if (from > n) {
			return checkShrinkProbe(sample, beta, from);
		}
		boolean confirming = this.confirming;
		this.confirming = false;
		// a probe past the knee must raise throughput: under bursty arrivals a backlog drains after a
		// burst whatever the size, and counting that would ratchet the pool up to the probes' limit
		if (sample.throughput() >= needed || (!probe && isDraining(sample, from))) {
			if (probe && !confirming) {
				// one tick's throughput varies by several per cent, more than a probe must gain: it pays twice
				this.confirming = true;
				this.growthCheckFrom = from;
				this.probing = true;
				return hold(sample, beta, "Probing from " + from + " to " + n + " threads raised throughput ("
						+ ratio(this.throughputBeforeGrowth) + " → " + ratio(sample.throughput())
						+ " tasks/s): holding for one more tick to confirm it.");
			}
			if (probe) {
				this.proven = n;
				this.betaAtProven = beta;
			}
			return null;
		}
		if (sample.queueSize() < n - from || !isBusy(sample)) {
			// the backlog ran out, or threads idled during the tick: throughput followed the arrivals,
			// not what the threads could do. Below the knee the model asks for the threads anyway; past
			// it only a gain does, and kept unjudged, probe after probe would ratchet the pool up
			if (!probe) {
				return null;
			}
			return resized(sample, resize(sample, beta, Decisions.clamp(from, sample), "Probing from " + from
					+ " to " + n + " threads could not be judged: " + (isBusy(sample) ? "the queue ran short"
							: "only " + ratio(sample.busyThreads()) + " of " + n + " threads were busy")
					+ ", so throughput followed the arrivals; returning to " + from + " threads."), -1);
		}
		this.ceiling = from;
		this.limitsSinceNanos = sample.nanoTime();
		// below the knee, growth that does not pay means something other than the cores is the limit
		if (!probe && !this.limitedElsewhere) {
			this.limitedElsewhere = true;
			this.limitedAt = from;
		}
		int target = Decisions.clamp(from, sample);
		String reason = probe
				? "Probing from " + from + " to " + n + " threads raised throughput less than " + gainPercent
						+ " % per doubling (" + ratio(this.throughputBeforeGrowth) + " → " + ratio(sample.throughput())
						+ " tasks/s): the cores are the limit; returning to " + from + " threads."
				: "Growing from " + from + " to " + n + " threads left throughput flat ("
						+ ratio(this.throughputBeforeGrowth) + " → " + ratio(sample.throughput())
						+ " tasks/s): the work is limited by something threads cannot help, such as a lock; returning to "
						+ from + " threads.";
		return resized(sample, resize(sample, beta, target, reason), -1);
	}

	private ScalingDecision grow(ControlSample sample, double beta, int knee, int desired, String why) {
		int n = sample.currentThreads();
		if (isSaturated(sample, beta)) {
			if (Double.isNaN(sample.runQueueShare()) && n > sample.minWorkers() && !isReversal(sample, -1)) {
				return fallbackShrink(sample, beta);
			}
			return veto(sample, beta, "Work waits and " + why + ", but the CPU is saturated ("
					+ percent(sample.cpuPercent()) + "): growth vetoed.");
		}
		if (n >= this.ceiling) {
			return veto(sample, beta, "Work waits and " + why + ", but growing past " + this.ceiling
					+ " threads did not raise throughput: growth vetoed for now.");
		}
		int target = Math.min(Math.min(knee, this.ceiling), Math.max(desired, n + this.config.scaleUpStep()));
		target = Decisions.clamp(target, sample);
		if (target - n < deadband(n)) {
			return hold(sample, beta, "Near the target: " + why + ", within the deadband of " + deadband(n)
					+ " threads.");
		}
		if (isReversal(sample, +1)) {
			return hold(sample, beta, "Stabilising: " + why + ", but the pool shrank less than "
					+ Decisions.millis(this.config.stabilizationWindow().toNanos()) + " ago.");
		}
		if (isJudgeable(sample, beta) && 4L * (target - n) >= n) {
			armGrowthCheck(sample, false);
		}
		return resized(sample, resize(sample, beta, target, sample.queueSize() + " tasks wait and " + why
				+ ": growing to " + target + "."), +1);
	}

	private ScalingDecision shrink(ControlSample sample, double beta, int desired, boolean waiting, String why) {
		int n = sample.currentThreads();
		if (n - desired < Math.max(this.config.scaleDownStep(), deadband(n))) {
			return hold(sample, beta, "Near the target: " + why + ", within the deadband.");
		}
		if (isReversal(sample, -1)) {
			return hold(sample, beta, "Stabilising: " + why + ", but the pool grew less than "
					+ Decisions.millis(this.config.stabilizationWindow().toNanos()) + " ago.");
		}
		boolean cpuBound = beta < this.config.betaLowThreshold();
		int target;
		String reason;
		if (cpuBound || waiting) {
			target = desired;
			reason = (cpuBound ? "CPU-bound work: " : "Work waits, but ") + why + ": shrinking to " + target + ".";
		}
		else {
			target = Decisions.clamp(n - Math.max(this.config.scaleDownStep(), (n - desired + 1) / 2), sample);
			reason = "Spare threads: " + ratio(sample.busyThreads()) + " of " + n
					+ " were busy and no work waits; shrinking to " + target + ".";
		}
		return resized(sample, resize(sample, beta, target, reason), -1);
	}

	private ScalingDecision vetoOrHold(ControlSample sample, double beta, int knee, int model, String why) {
		int n = sample.currentThreads();
		if (n >= sample.maxWorkers()) {
			return hold(sample, beta, "Work waits, but the pool is at its maximum of " + n + " threads.");
		}
		if (isSaturated(sample, beta) && Double.isNaN(sample.runQueueShare()) && n > sample.minWorkers()
				&& !isReversal(sample, -1)) {
			return fallbackShrink(sample, beta);
		}
		if (n >= this.ceiling) {
			return veto(sample, beta, "Work waits, but growing past " + this.ceiling
					+ " threads did not raise throughput: growth vetoed for now.");
		}
		if (knee - n < deadband(n)) {
			return probeOrVeto(sample, beta, knee, model, why);
		}
		return hold(sample, beta, "Tasks waited during the interval, but no more tasks wait now than threads run.");
	}

	private ScalingDecision probeOrVeto(ControlSample sample, double beta, int knee, int model, String why) {
		int n = sample.currentThreads();
		int step = Math.max(this.config.scaleUpStep(), (int) Math.ceil(PROBE_STEP * n));
		int target = Decisions.clamp(Math.min((long) n + step, (long) PROBE_LIMIT * model), sample);
		boolean cpuBound = beta < this.config.betaLowThreshold();
		boolean idling = !isBusy(sample);
		if (cpuBound || idling || target <= n || sample.queueSize() < target - n || !isJudgeable(sample, beta)
				|| isReversal(sample, +1)) {
			if (n < knee) {
				return hold(sample, beta, "Near the target: " + why + ", within the deadband of " + deadband(n)
						+ " threads.");
			}
			if (idling && !cpuBound) {
				return hold(sample, beta, "Tasks waited during the interval, but only " + ratio(sample.busyThreads())
						+ " of " + n + " threads were busy: no probe past the knee.");
			}
			return veto(sample, beta, "Work waits, but " + why + ": more threads would only compete for the CPU.");
		}
		if (this.baselineTicks < BASELINE_TICKS) {
			return hold(sample, beta, "Work waits and " + why + ": measuring throughput at " + n
					+ " threads for one more tick before probing past the knee.");
		}
		armGrowthCheck(sample, true);
		return resized(sample, resize(sample, beta, target, sample.queueSize() + " tasks wait and " + why
				+ ": probing " + target + " threads, kept if throughput rises."), +1);
	}

	private @Nullable ScalingDecision checkShrinkProbe(ControlSample sample, double beta, int from) {
		int n = sample.currentThreads();
		// against the throughput before the series, so that losses within the bar do not add up
		double reference = this.shrinkReference;
		double needed = reference * (1 - SHRINK_LOSS_PERCENT / 100.0);
		this.limitsSinceNanos = sample.nanoTime();
		boolean behind = sample.queueSize() - this.queueAtGrowth > (long) (from - n) + from;
		if (sample.throughput() >= needed && !behind) {
			this.ceiling = n;
			return null;
		}
		this.floor = from;
		this.shrinkReference = 0;
		String reason = behind
				? "Probing from " + from + " down to " + n + " threads let the queue grow (" + this.queueAtGrowth
						+ " → " + sample.queueSize() + " tasks): returning to " + from + " threads."
				: "Probing from " + from + " down to " + n + " threads lowered throughput by more than "
						+ SHRINK_LOSS_PERCENT + " % (" + ratio(reference) + " → " + ratio(sample.throughput())
						+ " tasks/s): returning to " + from + " threads.";
		return resized(sample, resize(sample, beta, Decisions.clamp(from, sample), reason), +1);
	}

	/**
	 * Whether every thread is busy and work waits, yet something other than the cores limits the work:
	 * a growth below the knee did not pay, or the pool's threads use far fewer core-seconds than the
	 * model expects of that many threads. Then a probe with fewer threads is due.
	 */
	private boolean isLimitedByOtherThanCores(ControlSample sample, double beta) {
		int n = sample.currentThreads();
		// CPU-bound work needs no probe: its knee is the cores
		if (n <= Math.max(sample.cores(), this.floor) || n <= sample.minWorkers() || beta < this.config.betaLowThreshold()
				|| !isBusy(sample) || !isJudgeable(sample, beta) || isReversal(sample, -1)) {
			return false;
		}
		return this.limitedElsewhere || coresUsed(sample) < IDLE_CORES_SHARE * modelCoresUsed(sample);
	}

	/** Core-seconds per second the pool's threads used: {@code (1 − β) · (busy − runQueueDelay)}. */
	private static double coresUsed(ControlSample sample) {
		double runQueue = Double.isNaN(sample.runQueueShare()) ? 0 : sample.runQueueShare();
		return (1 - sample.blockingRatio()) * sample.busyThreads() * (1 - runQueue);
	}

	/** The cores the model expects {@code n} threads of the measured β to keep busy: {@code U(n) · cores}. */
	private static double modelCoresUsed(ControlSample sample) {
		return KneeModel.utilisation(sample.cores(), sample.blockingRatio(), sample.currentThreads()) * sample.cores();
	}

	private ScalingDecision shrinkProbe(ControlSample sample, double beta) {
		int n = sample.currentThreads();
		int step = Math.max(this.config.scaleDownStep(), (int) Math.ceil(SHRINK_PROBE_STEP * n));
		int target = Decisions.clamp(Math.max((long) Math.max(sample.cores(), this.floor), (long) n - step), sample);
		armGrowthCheck(sample, true);
		if (this.shrinkReference == 0) {
			this.shrinkReference = sample.throughput();
		}
		String evidence = this.limitedElsewhere ? "growing past " + this.limitedAt + " threads did not raise throughput"
				: "the " + n + " threads kept " + ratio(coresUsed(sample)) + " cores busy where β " + ratio(beta)
						+ " lets them keep " + ratio(modelCoresUsed(sample));
		return resized(sample, resize(sample, beta, target, sample.queueSize() + " tasks wait, but " + evidence
				+ ": something other than the cores limits the work, such as a lock; probing " + target
				+ " threads, kept if throughput holds."), -1);
	}

	/**
	 * Whether a task has completed and every thread was busy for the whole interval while tasks queued:
	 * then β describes the tasks, however few have completed, and waiting out the warm-up would only
	 * grow a backlog.
	 */
	private static boolean isBusyWithWorkQueued(ControlSample sample) {
		return sample.completedTasks() > 0 && sample.queueSize() > 0 && !Double.isNaN(sample.blockingRatio())
				&& isBusy(sample);
	}

	/** Whether at least {@value #WARM_BUSY_SHARE} of the pool's threads were busy through the interval. */
	private static boolean isBusy(ControlSample sample) {
		return sample.busyThreads() >= WARM_BUSY_SHARE * sample.currentThreads();
	}

	/** Whether the next tick's throughput can tell whether a growth now paid. */
	private boolean isJudgeable(ControlSample sample, double beta) {
		boolean settled = this.settlingTicks == 0 && Math.abs(sample.blockingRatio() - beta) <= SAME_WORK;
		boolean measurable = sample.intervalTasks() >= MIN_TASKS_PER_THREAD * (long) sample.currentThreads();
		return settled && measurable;
	}

	private void armGrowthCheck(ControlSample sample, boolean probe) {
		this.growthCheckFrom = sample.currentThreads();
		this.probing = probe;
		this.throughputBeforeGrowth = (this.baselineTicks > 0) ? baselineThroughput() : sample.throughput();
		this.betaAtGrowth = sample.blockingRatio();
		this.queueAtGrowth = sample.queueSize();
	}

	private ScalingDecision fallbackShrink(ControlSample sample, double beta) {
		int n = sample.currentThreads();
		int target = Decisions.clamp((long) n - this.config.scaleDownStep(), sample);
		return resized(sample, resize(sample, beta, target, "CPU " + percent(sample.cpuPercent())
				+ " is saturated and this platform gives no scheduler statistics to tell waiting for I/O "
				+ "from waiting for a core: retiring " + (n - target) + " threads."), -1);
	}

	private boolean isSaturated(ControlSample sample, double beta) {
		double cpu = sample.cpuPercent();
		if (Double.isNaN(cpu)) {
			return false;
		}
		double share = sample.runQueueShare();
		if (Double.isNaN(share)) {
			return cpu >= this.config.cpuUpperThreshold();
		}
		// the workers' own number makes them wait for a core this much; more means other load
		double excess = share - KneeModel.runQueueShare(sample.cores(), beta, sample.currentThreads());
		if (cpu >= this.config.cpuUpperThreshold()) {
			return excess >= BUSY_CORE_RUN_QUEUE_SHARE;
		}
		return cpu >= this.config.cpuLowerThreshold() && excess >= SATURATED_RUN_QUEUE_SHARE;
	}

	private boolean isReversal(ControlSample sample, int direction) {
		return this.lastDirection == -direction
				&& sample.nanoTime() - this.lastResizeNanos < this.config.stabilizationWindow().toNanos();
	}

	private int deadband(int n) {
		return Math.max(1, (int) Math.round(RELATIVE_DEADBAND * n));
	}

	/** Forgets what growth and fewer-thread probes found: the ceiling, the floor and their evidence. */
	private void forgetLimits() {
		this.ceiling = Integer.MAX_VALUE;
		this.floor = 0;
		this.limitedElsewhere = false;
		this.shrinkReference = 0;
	}

	private long limitsDuration() {
		return Math.max(1, this.config.stabilizationWindow().toNanos()) * CEILING_WINDOWS;
	}

	/**
	 * Whether, since the growth from {@code from} threads, the queue shrank by more than the added
	 * threads took from it, plus the pool's size for the noise of arrivals: the pool now completes tasks
	 * faster than they arrive, which throughput, held to the arrivals, cannot show.
	 */
	private boolean isDraining(ControlSample sample, int from) {
		int n = sample.currentThreads();
		return this.queueAtGrowth - sample.queueSize() > (long) (n - from) + n;
	}

	/**
	 * Keeps the throughput of the latest measurable ticks of settled work at the present size, with its
	 * threads busy: what the threads can do, not what arrived. A tick at another size, of changing work,
	 * with threads idle or with too few tasks to measure starts over.
	 */
	private void trackBaseline(ControlSample sample) {
		int n = sample.currentThreads();
		boolean measurable = !Double.isNaN(sample.blockingRatio()) && this.settlingTicks == 0 && isBusy(sample)
				&& sample.intervalTasks() >= MIN_TASKS_PER_THREAD * (long) n;
		if (n != this.baselineSize || !measurable) {
			this.baselineSize = n;
			this.baselineTicks = 0;
		}
		if (measurable) {
			this.baseline[this.baselineTicks % BASELINE_TICKS] = sample.throughput();
			this.baselineTicks++;
		}
	}

	/** The mean throughput of the latest {@value #BASELINE_TICKS} ticks at the present size, or of those measured. */
	private double baselineThroughput() {
		int ticks = Math.min(this.baselineTicks, BASELINE_TICKS);
		double sum = 0;
		for (int i = 0; i < ticks; i++) {
			sum += this.baseline[i];
		}
		return sum / ticks;
	}

	/** The threads kept when no work waits: {@code max(1, ⌈busy + }{@value #SPARE_DEVIATIONS}{@code · √busy⌉)}. */
	static long spareSize(double busyThreads) {
		return Math.max(1, (long) Math.ceil(busyThreads + SPARE_DEVIATIONS * Math.sqrt(busyThreads)));
	}

	/** Counts the ticks in a row on which the queue grew by at least the pool's size. */
	private void trackBacklog(ControlSample sample) {
		int queue = sample.queueSize();
		boolean rose = this.lastQueue >= 0 && queue - this.lastQueue >= sample.currentThreads();
		this.backlogRises = rose ? this.backlogRises + 1 : 0;
		this.lastQueue = queue;
	}

	private ScalingDecision resized(ControlSample sample, ScalingDecision decision, int direction) {
		if (decision.threadsAfter() != sample.currentThreads()) {
			this.lastDirection = direction;
			this.lastResizeNanos = sample.nanoTime();
		}
		return decision;
	}

}
