package io.betapool.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.betapool.PoolMetrics;
import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import io.betapool.control.ControlSample;
import io.betapool.control.ScalingPolicy;
import io.betapool.control.StallDetector;
import io.betapool.measure.BlockingRatio;
import io.betapool.measure.CpuProbe;
import io.betapool.measure.RecentWindow;
import io.betapool.measure.SchedStat;
import io.betapool.measure.Ticker;
import org.jspecify.annotations.Nullable;

/**
 * The controller loop: once per interval it reads every worker's figures, builds a
 * {@link ControlSample}, asks the policy for a size, applies it through {@link PoolResizer}, records
 * the decision and publishes a metrics snapshot. Runs on its own daemon thread until the pool
 * terminates; an exception in a tick is logged and the next tick runs as usual.
 *
 * <p><b>A cold start</b> ticks faster: until the pool's first resize, while it may still grow and tasks queue, the loop
 * ticks every {@code min(interval, }{@value #FAST_TICK_MILLIS}{@code  ms)}, so that a pool started
 * at its minimum under load reaches its size in a fraction of an interval rather than building a
 * backlog for one. An idle pool ticks at the interval. A pool whose work has just changed kind ticks
 * fast too, for as long as its policy {@linkplain ScalingPolicy#isSettling() is settling}: the first tick
 * after a change measures a mix of old and new work, and the next one need not wait a whole interval.
 *
 * <p><b>A small pool looks between ticks.</b> While it has at most {@value #LOOK_THREADS_PER_CORE}
 * threads per core, the loop reads its workers' scheduler statistics every {@value #FAST_TICK_MILLIS}
 * ms and ticks at once when the β of that look is new work to the policy
 * ({@link ScalingPolicy#isNewWork}): CPU-bound work keeps a pool at its cores, and I/O-bound work that
 * follows it would otherwise run on those few threads for up to a whole interval. A look counts only
 * when its workers completed at least {@value #LOOK_TASKS_PER_THREAD} tasks each, so that long tasks
 * whose β swings within them do not pass for new work; when no task completed since the last look,
 * nothing is read. Larger pools do not look, and the loop sleeps until their next tick: a look costs a
 * read per worker.
 *
 * <p>Per tick, per worker: one read of its scheduler statistics (Linux) or of its CPU time (JDK
 * fallback), and a copy of the task samples it completed since the last tick. Nothing here touches a
 * task's path.
 */
final class Controller implements Runnable {

	/** How many tasks a tick the pool aims to time, for latency percentiles and queue wait. */
	static final int SAMPLES_PER_TICK = 1024;

	/** The tick period of a cold start and of a pool settling after a change of work, in milliseconds. */
	static final long FAST_TICK_MILLIS = 100;

	/** Pools of at most this many threads per core look at their β between ticks. */
	static final int LOOK_THREADS_PER_CORE = 4;

	/** Tasks each worker must complete within a look for its β to count. */
	static final int LOOK_TASKS_PER_THREAD = 2;

	/** Less busy time than this in an interval is too little to judge β by. */
	private static final long MIN_BUSY_NANOS = 1_000_000;

	private final InstrumentedThreadPool pool;

	private final WorkerRegistry registry;

	/** Replaced only under this object's lock; read once per tick. */
	private volatile @Nullable ScalingPolicy policy;

	/** While true, ticks measure and publish but decide nothing: the pool holds its size. */
	private volatile boolean paused;

	private final DecisionLog decisions;

	private final Ticker ticker;

	private final Clock clock;

	private final long intervalNanos;

	/** The bounds of the size; replaced only under this object's lock, as one value so they never tear. */
	private volatile Bounds bounds;

	private final boolean logDecisions;

	private final String poolName;

	private final Supplier<CpuProbe> cpuProbeFactory;

	private final System.Logger logger;

	private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();

	private final RecentWindow window = new RecentWindow();

	private @Nullable CpuProbe cpuProbe;

	private boolean cpuProbeFailed;

	private final StallDetector stalls;

	private long lastTickNanos;

	/** When the workers' look baselines were last taken; 0 when they are stale. */
	private long lastLookNanos;

	private long completedTotal;

	private long failedTotal;

	private volatile Snapshot snapshot;

	private final java.util.concurrent.atomic.AtomicLongArray decisionCounts = new java.util.concurrent.atomic.AtomicLongArray(
			ScalingAction.values().length);

	private volatile boolean stopped;

	private volatile @Nullable Thread thread;

	Controller(InstrumentedThreadPool pool, WorkerRegistry registry, @Nullable ScalingPolicy policy,
			DecisionLog decisions, Ticker ticker, Clock clock, Duration interval, int minWorkers, int maxWorkers,
			boolean logDecisions, System.Logger logger, Supplier<CpuProbe> cpuProbeFactory, String poolName) {
		this.pool = pool;
		this.registry = registry;
		this.policy = policy;
		this.decisions = decisions;
		this.ticker = ticker;
		this.clock = clock;
		this.intervalNanos = interval.toNanos();
		this.bounds = new Bounds(minWorkers, maxWorkers);
		this.logDecisions = logDecisions;
		this.logger = logger;
		this.cpuProbeFactory = cpuProbeFactory;
		this.poolName = poolName;
		this.lastTickNanos = ticker.read();
		this.snapshot = Snapshot.EMPTY;
		this.stalls = new StallDetector(interval);
	}

	void start(String threadName) {
		Thread t = new Thread(this, threadName);
		t.setDaemon(true);
		this.thread = t;
		t.start();
	}

	/** Asks the loop to end; safe to call from any thread, any number of times. */
	void stop() {
		this.stopped = true;
		Thread t = this.thread;
		if (t != null) {
			LockSupport.unpark(t);
		}
	}

	/** Waits for the loop's thread to end. */
	boolean join(long timeoutNanos) throws InterruptedException {
		Thread t = this.thread;
		if (t == null) {
			return true;
		}
		if (timeoutNanos > 0) {
			long millis = Math.max(1, timeoutNanos / 1_000_000);
			t.join(millis);
		}
		return !t.isAlive();
	}

	boolean isStopped() {
		Thread t = this.thread;
		return this.stopped && (t == null || !t.isAlive());
	}

	@Override
	public void run() {
		long fast = Math.min(this.intervalNanos, FAST_TICK_MILLIS * 1_000_000);
		long next = this.ticker.read() + fast;
		long nextLook = next;
		while (!this.stopped) {
			long now = this.ticker.read();
			long wait = next - now;
			boolean looking = wait > 0 && mayLook();
			if (!looking) {
				this.lastLookNanos = 0;
			}
			else if (now - nextLook >= 0) {
				nextLook = now + fast;
				if (looksLikeNewWork(now)) {
					next = now;
					wait = 0;
				}
			}
			if (wait > 0) {
				LockSupport.parkNanos(this, looking ? Math.min(wait, Math.max(1, nextLook - now)) : wait);
				continue;
			}
			try {
				tick();
			}
			catch (VirtualMachineError error) {
				throw error;
			}
			catch (Throwable ex) {
				this.logger.log(System.Logger.Level.WARNING, "Controller tick failed; carrying on", ex);
			}
			long period = (isColdStart() || isSettling()) ? Math.min(this.intervalNanos, FAST_TICK_MILLIS * 1_000_000)
					: this.intervalNanos;
			next += period;
			if (next - this.ticker.read() < 0) {
				next = this.ticker.read() + period;
			}
		}
		closeAll();
	}

	/** Whether the pool, free to grow, has not resized yet while tasks queue: then the loop ticks faster. */
	boolean isColdStart() {
		Snapshot now = this.snapshot;
		return now.scaleUps + now.scaleDowns == 0 && this.pool.getCorePoolSize() < this.bounds.max
				&& !this.pool.getQueue().isEmpty();
	}

	/** Whether the policy follows a change of work and wants the next sample soon: then the loop ticks faster. */
	boolean isSettling() {
		return this.policy != null && this.policy.isSettling();
	}

	/**
	 * A look between ticks at a small pool: the β of its workers since the last look, corrected for
	 * run-queue delay, and whether the policy calls it new work. Reads only workers whose scheduler
	 * statistics a tick has opened; without them (non-Linux) it never looks. Called by the loop, or
	 * directly by tests.
	 */
	boolean looksLikeNewWork(long now) {
		ScalingPolicy policy = this.policy;
		if (policy == null || !mayLook()) {
			this.lastLookNanos = 0;
			return false;
		}
		// baselines older than a couple of looks would mix in the work before them: take them afresh
		boolean fresh = this.lastLookNanos != 0 && now - this.lastLookNanos <= 2 * FAST_TICK_MILLIS * 1_000_000;
		if (fresh && !anyTaskCompletedSinceLastLook()) {
			// an idle pool, or tasks longer than a look: nothing to judge, and no system call for it
			this.lastLookNanos = 0;
			return false;
		}
		this.lastLookNanos = now;
		long tasks = 0;
		long busy = 0;
		long cpu = 0;
		long runQueue = 0;
		int workers = 0;
		for (WorkerStats w : this.registry.workers()) {
			SchedStat stat = w.schedStat;
			if (stat == null || !stat.read()) {
				w.looked = false;
				continue;
			}
			long completed = w.completed();
			long busyNanos = w.busyNanos(now);
			if (fresh && w.looked) {
				tasks += completed - w.lookCompleted;
				busy += Math.max(0, busyNanos - w.lookBusyNanos);
				cpu += Math.max(0, stat.cpuNanos() - w.lookCpuNanos);
				runQueue += Math.max(0, stat.runQueueNanos() - w.lookRunQueueNanos);
				workers++;
			}
			w.looked = true;
			w.lookCompleted = completed;
			w.lookBusyNanos = busyNanos;
			w.lookCpuNanos = stat.cpuNanos();
			w.lookRunQueueNanos = stat.runQueueNanos();
		}
		if (workers == 0 || busy < MIN_BUSY_NANOS || tasks < (long) LOOK_TASKS_PER_THREAD * workers) {
			return false;
		}
		return policy.isNewWork(BlockingRatio.corrected(cpu, busy, runQueue));
	}

	/** Whether the pool is one that looks between ticks: small, with a policy, neither cold nor settling. */
	private boolean mayLook() {
		int cores = Runtime.getRuntime().availableProcessors();
		return this.policy != null && this.intervalNanos > FAST_TICK_MILLIS * 1_000_000 && !isSettling()
				&& this.pool.getCorePoolSize() <= LOOK_THREADS_PER_CORE * cores && !isColdStart();
	}

	private boolean anyTaskCompletedSinceLastLook() {
		for (WorkerStats w : this.registry.workers()) {
			if (w.looked && w.completed() != w.lookCompleted) {
				return true;
			}
		}
		return false;
	}

	/** One control step; called by the loop, or directly by tests. */
	synchronized void tick() {
		long now = this.ticker.read();
		long interval = now - this.lastTickNanos;
		if (interval <= 0) {
			return;
		}
		this.lastTickNanos = now;
		Interval sums = readWorkers(now);
		int cores = Runtime.getRuntime().availableProcessors();
		double cpu = readCpu();
		int queueSize = this.pool.getQueue().size();
		int target = this.pool.getCorePoolSize();
		double rawBeta = (sums.busy >= MIN_BUSY_NANOS) ? BlockingRatio.of(sums.cpu, sums.busy) : Double.NaN;
		double beta = rawBeta;
		double runQueueShare = Double.NaN;
		if (sums.runQueueKnown && sums.busy >= MIN_BUSY_NANOS) {
			beta = BlockingRatio.corrected(sums.cpu, sums.busy, sums.runQueue);
			runQueueShare = Math.min(1.0, (double) sums.runQueue / sums.busy);
		}
		this.completedTotal += sums.tasks;
		this.failedTotal += sums.failed;
		double throughput = sums.tasks * 1e9 / interval;
		Bounds bounds = this.bounds;
		ScalingPolicy policy = this.paused ? null : this.policy;
		ControlSample sample = new ControlSample(now, this.clock.instant(), target, bounds.min,
				bounds.max, cores, queueSize, sums.active, this.completedTotal, sums.tasks,
				(double) sums.busy / interval, beta, rawBeta, runQueueShare, cpu, throughput,
				(sums.executionSum > 0) ? (double) sums.queueWaitSum / sums.executionSum : Double.NaN);
		this.window.endTick(sums.tasks, interval);
		this.pool.sampleOneIn(sampleMask(sums.tasks));
		Snapshot previous = this.snapshot;
		long ups = previous.scaleUps;
		long downs = previous.scaleDowns;
		double reportedBeta = beta;
		ScalingDecision decision = (policy != null) ? policy.decide(sample) : null;
		ScalingDecision stall = this.stalls.observe(sample, beta,
				(decision != null) ? decision.threadsAfter() : target);
		if (stall != null) {
			this.logger.log(System.Logger.Level.WARNING, "{0} [executor ''{1}'']", stall.reason(), this.poolName);
		}
		if (policy != null && decision != null) {
			reportedBeta = policy.blockingRatioOf(sample);
			if (stall != null) {
				decision = stall;
			}
			if (decision.threadsAfter() != target) {
				PoolResizer.resize(this.pool, decision.threadsAfter());
				if (decision.action() == ScalingAction.SCALE_UP) {
					ups++;
				}
				else {
					downs++;
				}
			}
			this.decisions.add(decision);
			this.decisionCounts.incrementAndGet(decision.action().ordinal());
			log(decision);
		}
		if (Double.isNaN(reportedBeta)) {
			reportedBeta = previous.beta;
		}
		this.snapshot = new Snapshot(reportedBeta, this.window.throughput(), this.window.latencyAt(50),
				this.window.latencyAt(99), this.window.executionAt(99), ups, downs,
				Double.isNaN(cpu) ? previous.cpu : cpu, this.completedTotal, this.failedTotal);
	}

	private Interval readWorkers(long now) {
		Interval sums = new Interval();
		for (WorkerStats w : this.registry.workers()) {
			boolean retired = w.isRetired();
			long sampled = w.sampled();
			long fresh = Math.min(sampled - w.seenSampled, WorkerStats.RING);
			for (long j = sampled - fresh; j < sampled; j++) {
				int slot = (int) (j & (WorkerStats.RING - 1));
				long latency = w.latencyRing[slot];
				long execution = w.executionRing[slot];
				this.window.record(latency, execution);
				sums.queueWaitSum += Math.max(0, latency - execution);
				sums.executionSum += execution;
			}
			w.seenSampled = sampled;
			long completed = w.completed();
			sums.tasks += completed - w.seenCompleted;
			w.seenCompleted = completed;
			long failed = w.failed();
			sums.failed += failed - w.seenFailed;
			w.seenFailed = failed;
			long busy = w.busyNanos(now);
			long busyDelta = Math.max(0, busy - w.seenBusyNanos);
			w.seenBusyNanos = busy;
			if (w.isBusy()) {
				sums.active++;
			}
			// a worker that ended takes its last CPU figures with it; leave its busy time out too, or β reads high
			if (readCpu(w, sums)) {
				sums.busy += busyDelta;
			}
			if (retired && !w.thread.isAlive()) {
				SchedStat stat = w.schedStat;
				if (stat != null) {
					stat.close();
				}
				this.registry.forget(w);
			}
		}
		return sums;
	}

	/**
	 * One task in {@code mask + 1} is timed, with the mask chosen from the last interval's task count so
	 * that about {@value #SAMPLES_PER_TICK} tasks a tick are timed, and at least one in 1024.
	 */
	static int sampleMask(long tasksPerTick) {
		long ratio = tasksPerTick / SAMPLES_PER_TICK;
		if (ratio < 2) {
			return 0;
		}
		return (int) Math.min(1023, Long.highestOneBit(ratio) - 1);
	}

	/** Adds the worker's CPU time since the last tick; false when it could not be read (the thread ended). */
	private boolean readCpu(WorkerStats w, Interval sums) {
		if (!w.schedStatTried) {
			w.schedStatTried = true;
			w.schedStat = SchedStat.open(w.linuxThreadId);
		}
		SchedStat stat = w.schedStat;
		if (stat != null) {
			if (stat.read()) {
				sums.cpu += Math.max(0, stat.cpuNanos() - w.seenCpuNanos);
				sums.runQueue += Math.max(0, stat.runQueueNanos() - w.seenRunQueueNanos);
				w.seenCpuNanos = stat.cpuNanos();
				w.seenRunQueueNanos = stat.runQueueNanos();
				return true;
			}
			return false;
		}
		sums.runQueueKnown = false;
		long cpu = this.threadBean.isThreadCpuTimeSupported() ? this.threadBean.getThreadCpuTime(w.thread.getId())
				: -1;
		if (cpu >= 0) {
			sums.cpu += Math.max(0, cpu - w.seenCpuNanos);
			w.seenCpuNanos = cpu;
			return true;
		}
		return false;
	}

	/** CPU utilisation, or NaN when the probe fails; a failing probe is logged once and does not stop the tick. */
	private double readCpu() {
		try {
			if (this.cpuProbe == null) {
				this.cpuProbe = this.cpuProbeFactory.get();
			}
			double cpu = this.cpuProbe.cpuPercent();
			this.cpuProbeFailed = false;
			return cpu;
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			if (!this.cpuProbeFailed) {
				this.logger.log(System.Logger.Level.WARNING, "CPU probe failed; deciding without CPU utilisation", ex);
				this.cpuProbeFailed = true;
			}
			return Double.NaN;
		}
	}

	private void log(ScalingDecision decision) {
		if (!this.logDecisions) {
			return;
		}
		System.Logger.Level level = (decision.action() == ScalingAction.HOLD) ? System.Logger.Level.DEBUG
				: System.Logger.Level.INFO;
		if (this.logger.isLoggable(level)) {
			this.logger.log(level, "{0} {1} -> {2} threads: {3}", decision.action(), decision.threadsBefore(),
					decision.threadsAfter(), decision.reason());
		}
	}

	private void closeAll() {
		for (WorkerStats w : this.registry.workers()) {
			SchedStat stat = w.schedStat;
			if (stat != null) {
				stat.close();
				w.schedStat = null;
			}
		}
	}

	int minWorkers() {
		return this.bounds.min;
	}

	int maxWorkers() {
		return this.bounds.max;
	}

	boolean isPaused() {
		return this.paused;
	}

	/**
	 * Sets the bounds of the size, resizing the pool into them at once when it lies outside, and records
	 * the change as a decision. Values are checked by the caller.
	 */
	synchronized ScalingDecision setBounds(int min, int max) {
		Bounds old = this.bounds;
		this.bounds = new Bounds(min, max);
		int before = this.pool.getCorePoolSize();
		int after = Math.max(min, Math.min(max, before));
		String resized = (after != before) ? "; the pool resized from " + before + " to " + after + " threads to lie within them"
				: "; the pool keeps its " + before + " threads";
		return recordChange(before, after, "Worker bounds changed from [" + old.min + ", " + old.max + "] to [" + min
				+ ", " + max + "] by request" + resized + ".");
	}

	/** Replaces the policy, which starts from the current size; records the change as a decision. */
	synchronized ScalingDecision setPolicy(ScalingPolicy policy, String change) {
		this.policy = policy;
		int size = this.pool.getCorePoolSize();
		return recordChange(size, size, change + " by request; the new policy starts from the current "
				+ size + " threads.");
	}

	/** Pauses or resumes the decisions; records the change as a decision. */
	synchronized ScalingDecision setPaused(boolean paused) {
		this.paused = paused;
		int size = this.pool.getCorePoolSize();
		return recordChange(size, size, paused
				? "Controller paused by request: the pool holds its " + size + " threads until it is resumed."
				: "Controller resumed by request: it decides again from the current " + size + " threads.");
	}

	private ScalingDecision recordChange(int before, int after, String reason) {
		if (after != before) {
			PoolResizer.resize(this.pool, after);
		}
		ScalingAction action = (after > before) ? ScalingAction.SCALE_UP
				: (after < before) ? ScalingAction.SCALE_DOWN : ScalingAction.HOLD;
		Snapshot s = this.snapshot;
		ScalingDecision decision = new ScalingDecision(this.clock.instant(), before, after, s.beta, s.cpu,
				s.throughput, action, reason);
		this.decisions.add(decision);
		this.decisionCounts.incrementAndGet(action.ordinal());
		if (action != ScalingAction.HOLD) {
			boolean up = action == ScalingAction.SCALE_UP;
			this.snapshot = new Snapshot(s.beta, s.throughput, s.p50, s.p99, s.p99Execution,
					s.scaleUps + (up ? 1 : 0), s.scaleDowns + (up ? 0 : 1), s.cpu, s.completed, s.failed);
		}
		log(decision);
		return decision;
	}

	/** How many decisions of the given kind the controller has taken since the pool started. */
	long decisionCount(ScalingAction action) {
		return this.decisionCounts.get(action.ordinal());
	}

	/** The latest published figures. */
	Snapshot snapshot() {
		return this.snapshot;
	}

	/** Builds the public metrics record from the latest snapshot and the pool's live counts. */
	PoolMetrics metrics() {
		Snapshot s = this.snapshot;
		Bounds bounds = this.bounds;
		return new PoolMetrics(this.pool.getPoolSize(), bounds.min, bounds.max,
				this.pool.getCompletedTaskCount(), s.beta, s.throughput, s.p50, s.p99, s.p99Execution,
				this.pool.getQueue().size(), s.scaleUps, s.scaleDowns, s.cpu);
	}

	/** Sums over the workers for one interval. */
	private static final class Interval {

		long tasks;

		long failed;

		long busy;

		long cpu;

		long runQueue;

		boolean runQueueKnown = true;

		long queueWaitSum;

		long executionSum;

		int active;

	}

	private record Bounds(int min, int max) {

	}

	/** Figures published at the end of a tick. */
	record Snapshot(double beta, double throughput, Duration p50, Duration p99, Duration p99Execution,
			long scaleUps, long scaleDowns, double cpu, long completed, long failed) {

		static final Snapshot EMPTY = new Snapshot(Double.NaN, 0.0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0,
				0, Double.NaN, 0, 0);

	}

}
