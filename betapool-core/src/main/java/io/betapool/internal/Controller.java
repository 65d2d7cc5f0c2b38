package io.betapool.internal;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import io.betapool.PoolMetrics;
import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import io.betapool.control.ControlSample;
import io.betapool.control.ScalingPolicy;
import io.betapool.control.StallDetector;
import io.betapool.measure.RecentWindow;
import io.betapool.measure.Ticker;
import org.jspecify.annotations.Nullable;

/**
 * The tick loop: once per interval it has the {@link WorkerSampler} read the workers, the
 * {@link SampleBuilder} make a {@link ControlSample}, the policy decide, the {@link PoolResizer} apply
 * the size and the {@link DecisionRecorder} record it, then publishes a metrics snapshot. Runs on its
 * own daemon thread until the pool terminates; an exception in a tick is logged and the next tick runs
 * as usual.
 *
 * <p><b>Fast ticks.</b> While the policy {@linkplain ScalingPolicy#isSettling() is settling} — growing
 * toward its target with work waiting, or following new work — and during a cold start (no resize yet,
 * tasks queued), the loop ticks every {@code min(interval, policy.fastTick())}. <b>Wake-ups.</b> When the
 * policy {@linkplain ScalingPolicy#wakesOnBacklog() asks for it}, the pool's first submission that
 * leaves more tasks queued than idle workers wakes the loop, which ticks one fast tick later: soon, but
 * with the new tasks' busy time to measure β by. A pool at rest therefore reacts to a burst within
 * milliseconds, not at its next tick.
 *
 * <p><b>Looks between ticks.</b> Between ticks, the loop reads the scheduler statistics of at most
 * {@value #LOOK_THREADS_PER_CORE} workers per core every {@value #LOOK_MILLIS} ms, and ticks at once
 * when the β of that look is new work to the policy ({@link ScalingPolicy#isNewWork}): a change of work
 * is acted on within a look, not at the next tick. Every worker takes from the same queue, so a few show
 * the β of all, and a look costs the same system calls in a pool of any size. A look counts only when
 * its workers completed at least {@value #LOOK_TASKS_PER_THREAD} tasks each on average, so that long tasks whose β
 * swings within them do not pass for new work; until they have, it reads from the same baselines at the
 * next period, so tasks longer than a look are judged over as many periods as they need, up to the
 * interval.
 */
final class Controller implements Runnable {

	/** How many tasks a tick the pool aims to time, for latency percentiles and queue wait. */
	static final int SAMPLES_PER_TICK = 1024;

	/** The period of the looks between ticks, in milliseconds. */
	static final long LOOK_MILLIS = 100;

	/** A look between ticks reads at most this many workers per core. */
	static final int LOOK_THREADS_PER_CORE = 4;

	/** Tasks the workers looked at must complete within a look, on average each, for its β to count. */
	static final int LOOK_TASKS_PER_THREAD = 2;

	private final InstrumentedThreadPool pool;

	private final WorkerSampler sampler;

	private final SampleBuilder samples;

	private final DecisionRecorder recorder;

	private final PoolResizer resizer;

	/** Replaced only under the window's lock, which ticks hold; read once per tick. */
	private volatile @Nullable ScalingPolicy policy;

	/** While true, ticks measure and publish but decide nothing: the pool holds its size. */
	private volatile boolean paused;

	private final Ticker ticker;

	private final long intervalNanos;

	/** The bounds of the size; replaced only under the window's lock, as one value so they never tear. */
	private volatile Bounds bounds;

	private final System.Logger logger;

	private final RecentWindow window = new RecentWindow();

	private final StallDetector stalls;

	private long lastTickNanos;

	private volatile Snapshot snapshot = Snapshot.EMPTY;

	private volatile boolean stopped;

	private volatile boolean wakeRequested;

	private volatile @Nullable Thread thread;

	Controller(InstrumentedThreadPool pool, WorkerRegistry registry, @Nullable ScalingPolicy policy,
			DecisionRecorder recorder, SampleBuilder samples, PoolResizer resizer, Ticker ticker, Duration interval,
			int minWorkers, int maxWorkers, int cores, System.Logger logger) {
		this.pool = pool;
		this.sampler = new WorkerSampler(registry, LOOK_THREADS_PER_CORE * cores);
		this.samples = samples;
		this.recorder = recorder;
		this.resizer = resizer;
		this.policy = policy;
		this.ticker = ticker;
		this.intervalNanos = interval.toNanos();
		this.bounds = new Bounds(minWorkers, maxWorkers);
		this.logger = logger;
		this.lastTickNanos = ticker.read();
		this.stalls = new StallDetector(interval);
		pool.onBacklog(this::wake);
		pool.wakeOnBacklog(policy != null && policy.wakesOnBacklog() && minWorkers < maxWorkers);
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

	/** Asks for a tick as soon as one may come: work queued on a pool that may grow. Any thread. */
	void wake() {
		this.wakeRequested = true;
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
			t.join(Math.max(1, timeoutNanos / 1_000_000));
		}
		return !t.isAlive();
	}

	boolean isStopped() {
		Thread t = this.thread;
		return this.stopped && (t == null || !t.isAlive());
	}

	@Override
	public void run() {
		long lookNanos = Math.min(this.intervalNanos, LOOK_MILLIS * 1_000_000);
		// a policy that is woken by a backlog needs no early first tick; one that is not ticks fast from cold
		ScalingPolicy initial = this.policy;
		long next = this.ticker.read()
				+ ((initial != null && initial.wakesOnBacklog()) ? this.intervalNanos : fastPeriod());
		long nextLook = next;
		while (!this.stopped) {
			long now = this.ticker.read();
			if (this.wakeRequested) {
				this.wakeRequested = false;
				// the woken tasks run for a fast tick first, so that the tick can measure what they are
				long soon = now + fastPeriod();
				if (next - soon > 0) {
					next = soon;
				}
			}
			long wait = next - now;
			boolean looking = wait > 0 && mayLook();
			if (!looking) {
				this.sampler.forgetLook();
			}
			else if (now - nextLook >= 0) {
				nextLook = now + lookNanos;
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
			long period = (isColdStart() || isSettling()) ? fastPeriod() : this.intervalNanos;
			next = this.lastTickNanos + period;
			if (next - this.ticker.read() < 0) {
				next = this.ticker.read() + period;
			}
		}
		this.sampler.closeAll();
	}

	/** The period of the fast ticks the policy asks for now, never longer than the interval. */
	private long fastPeriod() {
		ScalingPolicy policy = this.policy;
		long asked = (policy != null) ? policy.fastTick().toNanos() : LOOK_MILLIS * 1_000_000;
		return Math.min(this.intervalNanos, asked);
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
	 * A look between ticks: whether the β of the workers it reads since the look's baselines is new
	 * work to the policy. Called by the loop, or directly by tests.
	 */
	boolean looksLikeNewWork(long now) {
		ScalingPolicy policy = this.policy;
		if (policy == null || !mayLook()) {
			this.sampler.forgetLook();
			return false;
		}
		double beta = this.sampler.look(now, this.intervalNanos, LOOK_TASKS_PER_THREAD);
		return !Double.isNaN(beta) && policy.isNewWork(beta);
	}

	/** Whether the pool looks between ticks: it has a policy, and is neither cold nor settling. */
	private boolean mayLook() {
		return this.policy != null && this.intervalNanos > LOOK_MILLIS * 1_000_000 && !isSettling()
				&& !isColdStart();
	}

	/** One control step; called by the loop, or directly by tests. */
	void tick() {
		// the window is shared with metrics(), which reads it, and the workers' fresh samples, between ticks
		synchronized (this.window) {
			tickLocked();
		}
	}

	private void tickLocked() {
		long now = this.ticker.read();
		long interval = now - this.lastTickNanos;
		if (interval <= 0) {
			return;
		}
		this.lastTickNanos = now;
		WorkerSampler.Interval sums = this.sampler.read(now, this.window);
		int target = this.pool.getCorePoolSize();
		Bounds bounds = this.bounds;
		ControlSample sample = this.samples.build(now, interval, sums, target, bounds.min, bounds.max,
				this.pool.getQueue().size());
		this.window.endTick(sums.tasks, interval);
		this.pool.sampleOneIn(sampleMask(sums.tasks));
		Snapshot previous = this.snapshot;
		long ups = previous.scaleUps;
		long downs = previous.scaleDowns;
		double reportedBeta = sample.blockingRatio();
		ScalingPolicy policy = this.paused ? null : this.policy;
		ScalingDecision decision = (policy != null) ? policy.decide(sample) : null;
		ScalingDecision stall = this.stalls.observe(sample, sample.blockingRatio(),
				(decision != null) ? decision.threadsAfter() : target, this.window.executionAt(99).toNanos());
		if (stall != null) {
			this.recorder.warnStall(stall);
		}
		if (policy != null && decision != null) {
			reportedBeta = policy.blockingRatioOf(sample);
			if (stall != null) {
				decision = stall;
			}
			if (decision.threadsAfter() != target) {
				this.resizer.resize(decision.threadsAfter());
				if (decision.action() == ScalingAction.SCALE_UP) {
					ups++;
				}
				else {
					downs++;
				}
			}
			this.recorder.record(decision);
			this.pool.wakeOnBacklog(policy.wakesOnBacklog() && decision.threadsAfter() < bounds.max);
		}
		if (Double.isNaN(reportedBeta)) {
			reportedBeta = previous.beta;
		}
		double cpu = sample.cpuPercent();
		this.snapshot = new Snapshot(reportedBeta, ups, downs, Double.isNaN(cpu) ? previous.cpu : cpu);
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
	ScalingDecision setBounds(int min, int max) {
		synchronized (this.window) {
			Bounds old = this.bounds;
			this.bounds = new Bounds(min, max);
			int before = this.pool.getCorePoolSize();
			int after = Math.max(min, Math.min(max, before));
			String resized = (after != before)
					? "; the pool resized from " + before + " to " + after + " threads to lie within them"
					: "; the pool keeps its " + before + " threads";
			this.pool.wakeOnBacklog(this.policy != null && !this.paused && after < max);
			return recordChange(before, after, "Worker bounds changed from [" + old.min + ", " + old.max + "] to ["
					+ min + ", " + max + "] by request" + resized + ".");
		}
	}

	/** Replaces the policy, which starts from the current size; records the change as a decision. */
	ScalingDecision setPolicy(ScalingPolicy policy, String change) {
		synchronized (this.window) {
			this.policy = policy;
			int size = this.pool.getCorePoolSize();
			return recordChange(size, size,
					change + " by request; the new policy starts from the current " + size + " threads.");
		}
	}

	/** Pauses or resumes the decisions; records the change as a decision. */
	ScalingDecision setPaused(boolean paused) {
		synchronized (this.window) {
			this.paused = paused;
			int size = this.pool.getCorePoolSize();
			this.pool.wakeOnBacklog(!paused && this.policy != null && this.policy.wakesOnBacklog());
			return recordChange(size, size, paused
					? "Controller paused by request: the pool holds its " + size + " threads until it is resumed."
					: "Controller resumed by request: it decides again from the current " + size + " threads.");
		}
	}

	private ScalingDecision recordChange(int before, int after, String reason) {
		if (after != before) {
			this.resizer.resize(after);
		}
		ScalingAction action = (after > before) ? ScalingAction.SCALE_UP
				: (after < before) ? ScalingAction.SCALE_DOWN : ScalingAction.HOLD;
		Snapshot s = this.snapshot;
		ScalingDecision decision = new ScalingDecision(this.samples.now(), before, after, s.beta, s.cpu,
				this.window.throughput(), action, reason);
		this.recorder.record(decision);
		if (action != ScalingAction.HOLD) {
			boolean up = action == ScalingAction.SCALE_UP;
			this.snapshot = new Snapshot(s.beta, s.scaleUps + (up ? 1 : 0), s.scaleDowns + (up ? 0 : 1), s.cpu);
		}
		return decision;
	}

	/** The bounds of the size, as one value. */
	private record Bounds(int min, int max) {
	}

	/** How many times the controller reported a possible deadlock since the pool started. */
	long possibleDeadlocks() {
		return this.recorder.stalls();
	}

	/** How many decisions of the given kind the controller has taken since the pool started. */
	long decisionCount(ScalingAction action) {
		return this.recorder.count(action);
	}

	/**
	 * The public metrics, current when called: the tasks completed and timed since the last tick count in
	 * the total, the throughput and the percentiles. Costs nothing on the task path: it reads the
	 * workers' counters and sample rings as a tick does, without taking them.
	 */
	PoolMetrics metrics() {
		Snapshot s = this.snapshot;
		synchronized (this.window) {
			long[] latencies = new long[WorkerStats.RING * 4];
			long[] executions = new long[latencies.length];
			int[] count = new int[1];
			long fresh = this.sampler.peek(latencies, executions, count);
			long sinceTick = this.ticker.read() - this.lastTickNanos;
			Bounds bounds = this.bounds;
			return new PoolMetrics(this.pool.getPoolSize(), bounds.min, bounds.max,
					this.samples.completedTotal() + fresh, s.beta, this.window.throughputWith(fresh, sinceTick),
					this.window.percentileWith(true, 50, latencies, count[0]),
					this.window.percentileWith(true, 99, latencies, count[0]),
					this.window.percentileWith(false, 99, executions, count[0]), this.pool.getQueue().size(),
					s.scaleUps, s.scaleDowns, s.cpu);
		}
	}

	/** Figures published at the end of a tick. */
	record Snapshot(double beta, long scaleUps, long scaleDowns, double cpu) {

		static final Snapshot EMPTY = new Snapshot(Double.NaN, 0, 0, Double.NaN);

	}

}
