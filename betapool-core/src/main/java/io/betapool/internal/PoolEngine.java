package io.betapool.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.betapool.PoolMetrics;
import io.betapool.ScalingDecision;
import io.betapool.TaskMetrics;
import io.betapool.control.ScalingPolicy;
import io.betapool.measure.CpuProbe;
import io.betapool.measure.Ticker;
import org.jspecify.annotations.Nullable;

/**
 * What both public executors are made of: the instrumented pool, its workers, its controller and its
 * decision log, with the lifecycle that ties them together.
 *
 * <p>Lifecycle: RUNNING until {@link #shutdown()} or {@link #shutdownNow()}; the pool then drains (or
 * not) and terminates; termination stops the controller. {@link #isTerminated()} and
 * {@link #awaitTermination} report termination only once every worker thread and the controller
 * thread have ended, so no thread of the pool outlives it.
 */
public final class PoolEngine {

	/**
	 * The most a new pool waits for its first workers to start, and {@link #shutdown()} of an idle pool for
	 * its threads to end. Both happen within microseconds of the threads being scheduled; the bound only
	 * matters on a machine so loaded that they are not.
	 */
	private static final long IDLE_EXIT_NANOS = 1_000_000_000;

	private final InstrumentedThreadPool pool;

	private final WorkerRegistry registry;

	private final Controller controller;

	private final DecisionLog decisions;

	/** One view for the pool's life, held here: meters hold what they read only weakly. */
	private final ThreadPoolView view;

	private PoolEngine(Settings settings) {
		this.registry = new WorkerRegistry(settings.threadNamePrefix, settings.threadFactory, settings.ticker,
				settings.logger);
		this.decisions = new DecisionLog(settings.decisionHistorySize);
		BlockingQueue<Runnable> queue = new IdleTrackingQueue(settings.queueCapacity, this.registry, settings.ticker);
		Controller[] controllerRef = new Controller[1];
		this.pool = new InstrumentedThreadPool(settings.minWorkers, queue, this.registry, settings.ticker,
				settings.clock, settings.rejectedExecutionHandler, settings.name, settings.taskMetricsListener,
				() -> {
					controllerRef[0].stop();
					settings.onTerminated.run();
				}, settings.logger);
		DecisionRecorder recorder = new DecisionRecorder(this.decisions, settings.enableLogging, settings.logger,
				settings.name);
		SampleBuilder samples = new SampleBuilder(settings.clock, settings.cores, settings.cpuProbeFactory,
				settings.logger);
		this.controller = new Controller(this.pool, this.registry, settings.policy, recorder, samples,
				new PoolResizer(this.pool), settings.ticker, settings.monitorInterval, settings.minWorkers,
				settings.maxWorkers, settings.cores, settings.logger);
		controllerRef[0] = this.controller;
		this.view = new ThreadPoolView(this.pool, this.controller::maxWorkers);
		// minWorkers threads exist from the start, as ThreadPoolExecutor.prestartAllCoreThreads makes them,
		// and are waiting for work when the pool is handed out
		this.pool.prestartAllCoreThreads();
		awaitIdleWorkers(settings.minWorkers);
		this.controller.start(settings.threadNamePrefix + "controller");
	}

	/** Waits, briefly, until {@code count} workers wait for work: they do within microseconds of starting. */
	private void awaitIdleWorkers(int count) {
		long deadline = System.nanoTime() + IDLE_EXIT_NANOS;
		while (idleWorkers() < count && deadline - System.nanoTime() > 0) {
			java.util.concurrent.locks.LockSupport.parkNanos(50_000);
		}
	}

	private int idleWorkers() {
		int idle = 0;
		for (WorkerStats w : this.registry.workers()) {
			if (w.isIdle()) {
				idle++;
			}
		}
		return idle;
	}

	/**
	 * Builds and starts an engine.
	 */
	public static PoolEngine start(Settings settings) {
		return new PoolEngine(settings);
	}

	/** The pool the executor methods go to. */
	public ExecutorService executor() {
		return this.pool;
	}

	/**
	 * Starts an orderly shutdown. A pool with no task running or queued has only idle workers and the
	 * controller left, which end as soon as they see it: shutdown waits for them (briefly), so that an idle
	 * pool reads terminated at once, as a JDK pool without threads does.
	 */
	public void shutdown() {
		this.pool.shutdown();
		if (this.pool.getActiveCount() == 0 && this.pool.getQueue().isEmpty()) {
			try {
				awaitTermination(IDLE_EXIT_NANOS, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Stops the pool and hands back the tasks that never started, as they were submitted. */
	public List<Runnable> shutdownNow() {
		return this.pool.shutdownNowUnwrapped();
	}

	public boolean isShutdown() {
		return this.pool.isShutdown();
	}

	public boolean isTerminated() {
		return this.pool.isTerminated() && this.controller.isStopped() && workersEnded();
	}

	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		long deadline = System.nanoTime() + unit.toNanos(timeout);
		if (!this.pool.awaitTermination(timeout, unit)) {
			return false;
		}
		this.controller.stop();
		for (WorkerStats w : this.registry.workers()) {
			long left = deadline - System.nanoTime();
			if (left > 0) {
				w.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
			}
		}
		return this.controller.join(Math.max(1, deadline - System.nanoTime())) && workersEnded();
	}

	private boolean workersEnded() {
		for (WorkerStats w : this.registry.workers()) {
			if (w.thread.isAlive()) {
				return false;
			}
		}
		return true;
	}

	/** A read-only {@link java.util.concurrent.ThreadPoolExecutor} face of the pool, for instrumentation. */
	public java.util.concurrent.ThreadPoolExecutor threadPoolView() {
		return this.view;
	}

	/** Threads the pool has now. */
	public int threadCount() {
		return this.pool.getPoolSize();
	}

	/** The size the controller set. */
	public int targetSize() {
		return this.pool.getCorePoolSize();
	}

	public int queueSize() {
		return this.pool.getQueue().size();
	}

	public PoolMetrics metrics() {
		return this.controller.metrics();
	}

	/** The kept decisions, oldest first. */
	public List<ScalingDecision> decisions() {
		return this.decisions.snapshot();
	}

	/** How many decisions of the given kind were taken since the pool started. */
	public long possibleDeadlocks() {
		return this.controller.possibleDeadlocks();
	}

	public long decisionCount(io.betapool.ScalingAction action) {
		return this.controller.decisionCount(action);
	}

	public int minWorkers() {
		return this.controller.minWorkers();
	}

	public int maxWorkers() {
		return this.controller.maxWorkers();
	}

	/** Sets the bounds of the size (checked by the caller), resizing into them; returns the decision recorded. */
	public ScalingDecision setBounds(int minWorkers, int maxWorkers) {
		return this.controller.setBounds(minWorkers, maxWorkers);
	}

	/** Replaces the policy; {@code change} says what changed. Returns the decision recorded. */
	public ScalingDecision setPolicy(ScalingPolicy policy, String change) {
		return this.controller.setPolicy(Objects.requireNonNull(policy, "policy"), change);
	}

	/** Pauses or resumes the controller's decisions; returns the decision recorded. */
	public ScalingDecision setControllerPaused(boolean paused) {
		return this.controller.setPaused(paused);
	}

	public boolean isControllerPaused() {
		return this.controller.isPaused();
	}

	/** Runs one controller step now, on the calling thread; for tests. */
	void tickNow() {
		this.controller.tick();
	}

	/**
	 * What an engine is built from. Every value is checked by the public builders before it gets here.
	 */
	public static final class Settings {

		String name = "betapool";

		String threadNamePrefix = "betapool-";

		int minWorkers = 1;

		int maxWorkers = 1;

		int queueCapacity = Integer.MAX_VALUE;

		int decisionHistorySize = 1000;

		Duration monitorInterval = Duration.ofMillis(500);

		@Nullable ScalingPolicy policy;

		@Nullable RejectedExecutionHandler rejectedExecutionHandler;

		@Nullable Consumer<TaskMetrics> taskMetricsListener;

		@Nullable ThreadFactory threadFactory;

		boolean enableLogging;

		Ticker ticker = Ticker.system();

		Clock clock = Clock.systemUTC();

		System.Logger logger = System.getLogger("io.betapool");

		int cores = Runtime.getRuntime().availableProcessors();

		Supplier<CpuProbe> cpuProbeFactory = CpuProbe::create;

		Runnable onTerminated = () -> {
		};

		/** What to run once the pool has terminated, after its controller stopped. */
		public Settings onTerminated(Runnable onTerminated) {
			this.onTerminated = Objects.requireNonNull(onTerminated, "onTerminated");
			return this;
		}

		public Settings name(String name) {
			this.name = Objects.requireNonNull(name, "name");
			return this;
		}

		public Settings threadNamePrefix(String threadNamePrefix) {
			this.threadNamePrefix = Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
			return this;
		}

		public Settings bounds(int minWorkers, int maxWorkers) {
			this.minWorkers = minWorkers;
			this.maxWorkers = maxWorkers;
			return this;
		}

		public Settings queueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
			return this;
		}

		public Settings decisionHistorySize(int decisionHistorySize) {
			this.decisionHistorySize = decisionHistorySize;
			return this;
		}

		public Settings monitorInterval(Duration monitorInterval) {
			this.monitorInterval = Objects.requireNonNull(monitorInterval, "monitorInterval");
			return this;
		}

		/** The policy that sizes the pool, or {@code null} for a pool of fixed size that is only measured. */
		public Settings policy(@Nullable ScalingPolicy policy) {
			this.policy = policy;
			return this;
		}

		public Settings rejectedExecutionHandler(@Nullable RejectedExecutionHandler handler) {
			this.rejectedExecutionHandler = handler;
			return this;
		}

		public Settings taskMetricsListener(@Nullable Consumer<TaskMetrics> listener) {
			this.taskMetricsListener = listener;
			return this;
		}

		/** Where worker threads come from; {@code null} for the pool's own, named from the prefix. */
		public Settings threadFactory(@Nullable ThreadFactory threadFactory) {
			this.threadFactory = threadFactory;
			return this;
		}

		public Settings enableLogging(boolean enableLogging) {
			this.enableLogging = enableLogging;
			return this;
		}

		public Settings ticker(Ticker ticker) {
			this.ticker = Objects.requireNonNull(ticker, "ticker");
			return this;
		}

		public Settings clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** Makes the probe the controller reads CPU utilisation from; called on the controller thread. */
		public Settings cpuProbe(Supplier<CpuProbe> cpuProbeFactory) {
			this.cpuProbeFactory = Objects.requireNonNull(cpuProbeFactory, "cpuProbeFactory");
			return this;
		}

		/** The cores the pool's work runs on; the processors available to this JVM unless set. */
		public Settings cores(int cores) {
			if (cores < 1) {
				throw new IllegalArgumentException("cores must be >= 1, but was " + cores);
			}
			this.cores = cores;
			return this;
		}

		public Settings logger(System.Logger logger) {
			this.logger = Objects.requireNonNull(logger, "logger");
			return this;
		}

	}

}
