package io.betapool;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

import io.betapool.control.AdaptivePolicy;
import io.betapool.control.CpuBudget;
import io.betapool.control.ScalingPolicy;
import io.betapool.control.SeedPolicy;
import io.betapool.internal.PoolEngine;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ExecutorService} that sizes its own pool from the blocking ratio β = 1 − cpu time / wall
 * time of its work: it grows while its threads wait on I/O and work is queued, refuses to grow while
 * work is CPU-bound or the CPU is saturated, and shrinks when idle.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * try (AdaptiveThreadPoolExecutor executor = new AdaptiveThreadPoolExecutor(4, 64)) {
 *     List<Future<String>> futures = executor.invokeAll(tasks);
 *     PoolMetrics metrics = executor.getMetrics();
 * }
 * }</pre>
 *
 * <h2>How it sizes itself</h2>
 * Every {@link ControllerConfig#monitorInterval() monitor interval} a controller thread reads, for
 * each worker, its busy time, its CPU time and (on Linux) the time it spent runnable but waiting for a
 * core; it builds a {@link io.betapool.control.ControlSample} and lets the configured policy decide:
 * {@link AdaptivePolicy} by default, or {@link SeedPolicy}, the seed library's rules, with
 * {@link Policy#SEED}. Each decision, holds and vetoes included, is kept with its reason in a bounded
 * history ({@link #getDecisionHistory()}). The size stays within {@code [minWorkers, maxWorkers]}; the
 * pool starts at {@code minWorkers}.
 *
 * <h2>Changing it while it runs</h2>
 * {@link #setWorkerBounds(int, int)} moves the bounds (and the pool into them at once),
 * {@link #setPolicy(Policy)} swaps the control algorithm, and {@link #pauseController()} holds the
 * current size until {@link #resumeController()}; a paused pool is still measured. Each change is
 * checked like the builder's values and recorded in the decision history with a reason naming it.
 *
 * <h2>Cost per task</h2>
 * Tasks are timed with three ticker reads and accounted in per-worker, single-writer counters; CPU time
 * is read per worker once per tick, never per task (unless a {@linkplain Builder#taskMetricsListener
 * task-metrics listener} asks for it).
 *
 * <h2>Queue and rejection</h2>
 * The queue is unbounded unless {@linkplain Builder#queueCapacity a capacity} is set. When a bounded
 * queue is full the {@linkplain Builder#rejectedExecutionHandler handler} decides (by default a
 * {@link java.util.concurrent.RejectedExecutionException}); it sees tasks as they were submitted.
 * Discard policies cancel the future of a discarded {@code submit}. After shutdown, tasks are always
 * refused with {@code RejectedExecutionException}.
 *
 * <h2>Lifecycle</h2>
 * Running until {@link #shutdown()} (queued tasks still run) or {@link #shutdownNow()} (running tasks
 * are interrupted, queued ones handed back); terminated once every task is done and every thread of
 * the pool, the controller's included, has ended. {@link #close()} shuts down and waits.
 */
public final class AdaptiveThreadPoolExecutor extends MeasuredExecutor {

	/** Default smallest pool size, as in the seed: 4. */
	public static final int DEFAULT_MIN_WORKERS = 4;

	/** Default largest pool size, as in the seed: 64. */
	public static final int DEFAULT_MAX_WORKERS = 64;

	/** Default prefix of worker thread names: {@code betapool-}. */
	public static final String DEFAULT_THREAD_NAME_PREFIX = "betapool-";

	/** Replaced only by {@link #setPolicy}, under its lock. */
	private volatile ControllerConfig config;

	private final int queueCapacity;

	private final String threadNamePrefix;

	/** The pool's place in its CPU budget, left when the pool terminates. */
	private final CpuBudget.Share cpuShare;

	/**
	 * A pool of 4 to 64 threads with the default configuration.
	 */
	public AdaptiveThreadPoolExecutor() {
		this(builder());
	}

	/**
	 * A pool of {@code minWorkers} to {@code maxWorkers} threads with the default configuration.
	 * @throws IllegalArgumentException if {@code minWorkers < 1} or {@code maxWorkers < minWorkers}
	 */
	public AdaptiveThreadPoolExecutor(int minWorkers, int maxWorkers) {
		this(builder().minWorkers(minWorkers).maxWorkers(maxWorkers));
	}

	/**
	 * A pool of {@code minWorkers} to {@code maxWorkers} threads controlled as {@code config} says.
	 * @throws IllegalArgumentException if {@code minWorkers < 1} or {@code maxWorkers < minWorkers}
	 */
	public AdaptiveThreadPoolExecutor(int minWorkers, int maxWorkers, ControllerConfig config) {
		this(builder().minWorkers(minWorkers).maxWorkers(maxWorkers).config(config));
	}

	private AdaptiveThreadPoolExecutor(Builder builder) {
		this(builder, builder.joinBudget());
	}

	private AdaptiveThreadPoolExecutor(Builder builder, CpuBudget.Share cpuShare) {
		super(start(builder, cpuShare));
		this.config = builder.config;
		this.queueCapacity = builder.queueCapacity;
		this.threadNamePrefix = builder.threadNamePrefix;
		this.cpuShare = cpuShare;
	}

	/** Starts the engine; a pool that fails to start leaves its CPU budget at once. */
	private static PoolEngine start(Builder builder, CpuBudget.Share cpuShare) {
		try {
			return PoolEngine.start(builder.settings(cpuShare));
		}
		catch (RuntimeException | Error ex) {
			cpuShare.close();
			throw ex;
		}
	}

	/**
	 * A builder with the defaults: 4 to 64 threads, {@link ControllerConfig#defaults()}, unbounded
	 * queue, threads named {@code betapool-1}, {@code betapool-2}, ….
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The latest decisions of the controller, oldest first, at most
	 * {@link ControllerConfig#decisionHistorySize()} of them.
	 */
	public List<ScalingDecision> getDecisionHistory() {
		return this.engine.decisions();
	}

	/**
	 * How many decisions of the given kind the controller has taken since the pool started; unlike the
	 * history, these totals are never trimmed, so they suit monotonic counters.
	 */
	public long getDecisionCount(ScalingAction action) {
		return this.engine.decisionCount(Objects.requireNonNull(action, "action"));
	}

	/**
	 * How many times the controller has reported a possible deadlock (a decision whose reason begins
	 * "Possible deadlock") since the pool started; never trimmed, so it suits a monotonic counter.
	 */
	public long getPossibleDeadlockCount() {
		return this.engine.possibleDeadlocks();
	}

	/** The queue capacity; {@link Integer#MAX_VALUE} when unbounded. */
	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	/** The prefix of worker thread names. */
	public String getThreadNamePrefix() {
		return this.threadNamePrefix;
	}

	/** The configuration the controller runs with. */
	public ControllerConfig getConfig() {
		return this.config;
	}

	/** The smallest size the controller may choose. */
	public int getMinWorkers() {
		return this.engine.minWorkers();
	}

	/** The largest size the controller may choose. */
	public int getMaxWorkers() {
		return this.engine.maxWorkers();
	}

	/** The size the controller has set; threads are started up to it as work arrives. */
	public int getTargetPoolSize() {
		return this.engine.targetSize();
	}

	/**
	 * Sets the bounds of the size while the pool runs. A pool outside the new bounds is resized into
	 * them at once; within them, the controller decides as before.
	 * @return the decision recorded for the change
	 * @throws IllegalArgumentException if {@code minWorkers < 1} or {@code maxWorkers < minWorkers}
	 * @throws IllegalStateException if the pool is shut down
	 */
	public ScalingDecision setWorkerBounds(int minWorkers, int maxWorkers) {
		Builder.checkBounds(minWorkers, maxWorkers);
		checkRunning();
		return this.engine.setBounds(minWorkers, maxWorkers);
	}

	/**
	 * Replaces the control algorithm while the pool runs; the new one starts from the current size.
	 * @return the decision recorded for the change
	 * @throws IllegalStateException if the pool is shut down
	 */
	public synchronized ScalingDecision setPolicy(Policy policy) {
		Objects.requireNonNull(policy, "policy");
		checkRunning();
		Policy old = this.config.policy();
		this.config = this.config.toBuilder().policy(policy).build();
		return this.engine.setPolicy(ScalingPolicy.of(this.config, this.cpuShare),
				"Policy changed from " + old + " to " + policy);
	}

	/**
	 * Stops the controller from resizing the pool, which holds its current size; it is still measured.
	 * @return the decision recorded for the pause
	 */
	public ScalingDecision pauseController() {
		checkRunning();
		return this.engine.setControllerPaused(true);
	}

	/**
	 * Lets the controller resize the pool again after {@link #pauseController()}.
	 * @return the decision recorded for the resumption
	 */
	public ScalingDecision resumeController() {
		checkRunning();
		return this.engine.setControllerPaused(false);
	}

	/** Whether {@link #pauseController()} holds the pool at its size. */
	public boolean isControllerPaused() {
		return this.engine.isControllerPaused();
	}

	private void checkRunning() {
		if (isShutdown()) {
			throw new IllegalStateException("The pool is shut down; its size can no longer change");
		}
	}

	@Override
	public String toString() {
		return "AdaptiveThreadPoolExecutor[threads=" + getCurrentThreadCount() + ", target=" + getTargetPoolSize()
				+ ", min=" + getMinWorkers() + ", max=" + getMaxWorkers() + ", queued=" + this.engine.queueSize()
				+ ", policy=" + this.config.policy() + (isControllerPaused() ? ", paused" : "")
				+ (isShutdown() ? ", shut down" : "") + "]";
	}

	/**
	 * Builds an {@link AdaptiveThreadPoolExecutor}; {@link #build()} checks every value and names the
	 * first invalid one.
	 */
	public static final class Builder {

		private int minWorkers = DEFAULT_MIN_WORKERS;

		private int maxWorkers = DEFAULT_MAX_WORKERS;

		private ControllerConfig config = ControllerConfig.defaults();

		private boolean enableLogging;

		private String threadNamePrefix = DEFAULT_THREAD_NAME_PREFIX;

		private int queueCapacity = Integer.MAX_VALUE;

		private @Nullable RejectedExecutionHandler rejectedExecutionHandler;

		private @Nullable Consumer<TaskMetrics> taskMetricsListener;

		private @Nullable ThreadFactory threadFactory;

		private CpuBudget cpuBudget = CpuBudget.shared();

		private Builder() {
		}

		/** The smallest pool size, at least 1; default 4. */
		public Builder minWorkers(int minWorkers) {
			this.minWorkers = minWorkers;
			return this;
		}

		/** The largest pool size, at least {@code minWorkers}; default 64. */
		public Builder maxWorkers(int maxWorkers) {
			this.maxWorkers = maxWorkers;
			return this;
		}

		/** The controller's configuration; default {@link ControllerConfig#defaults()}. */
		public Builder config(ControllerConfig config) {
			this.config = Objects.requireNonNull(config, "config");
			return this;
		}

		/**
		 * Whether to log every decision through {@link System.Logger} {@code io.betapool}: resizes and
		 * vetoes at INFO, holds at DEBUG. Default {@code false}.
		 */
		public Builder enableLogging(boolean enableLogging) {
			this.enableLogging = enableLogging;
			return this;
		}

		/** The prefix of worker thread names, not blank; default {@code betapool-}. */
		public Builder threadNamePrefix(String threadNamePrefix) {
			this.threadNamePrefix = Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
			return this;
		}

		/** The capacity of the task queue, at least 1; default unbounded. */
		public Builder queueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
			return this;
		}

		/**
		 * What to do with a task the full queue cannot take; default: throw
		 * {@link java.util.concurrent.RejectedExecutionException}.
		 */
		public Builder rejectedExecutionHandler(RejectedExecutionHandler rejectedExecutionHandler) {
			this.rejectedExecutionHandler = Objects.requireNonNull(rejectedExecutionHandler,
					"rejectedExecutionHandler");
			return this;
		}

		/**
		 * Receives a {@link TaskMetrics} for every task, on the worker thread that ran it. This reads the
		 * thread's CPU time twice per task (about a microsecond each); leave it unset where tasks are
		 * short. The listener must be fast and must not throw; what it throws is logged. It is called
		 * after the task has finished, so after its future completed: a caller returning from
		 * {@code Future.get()} may not have seen its record delivered yet.
		 */
		public Builder taskMetricsListener(Consumer<TaskMetrics> taskMetricsListener) {
			this.taskMetricsListener = Objects.requireNonNull(taskMetricsListener, "taskMetricsListener");
			return this;
		}

		/**
		 * Where worker threads come from; by default the pool makes non-daemon threads named from
		 * {@link #threadNamePrefix}. A factory that throws, returns {@code null} or returns a started
		 * thread is logged and the pool makes its own thread instead, so no task is left without a worker.
		 */
		public Builder threadFactory(ThreadFactory threadFactory) {
			this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
			return this;
		}

		/**
		 * The CPU budget the pool shares with other pools; default {@link CpuBudget#shared()}, one for the
		 * whole JVM, so that the pools of a process divide its cores by demand rather than each sizing for
		 * all of them. {@link CpuBudget#none()} lets the pool see every core whatever other pools do.
		 */
		public Builder cpuBudget(CpuBudget cpuBudget) {
			this.cpuBudget = Objects.requireNonNull(cpuBudget, "cpuBudget");
			return this;
		}

		/**
		 * The executor, started.
		 * @throws IllegalArgumentException naming the first invalid value
		 */
		public AdaptiveThreadPoolExecutor build() {
			return new AdaptiveThreadPoolExecutor(this);
		}

		static void checkBounds(int minWorkers, int maxWorkers) {
			if (minWorkers < 1) {
				throw new IllegalArgumentException("minWorkers must be >= 1, but was " + minWorkers);
			}
			if (maxWorkers < minWorkers) {
				throw new IllegalArgumentException("maxWorkers must be >= minWorkers (" + minWorkers
						+ "), but was " + maxWorkers);
			}
		}

		/** Checks the values, then joins the CPU budget under the pool's name. */
		CpuBudget.Share joinBudget() {
			checkBounds(this.minWorkers, this.maxWorkers);
			if (this.queueCapacity < 1) {
				throw new IllegalArgumentException("queueCapacity must be >= 1, but was " + this.queueCapacity);
			}
			return this.cpuBudget.join(poolName(checkPrefix(this.threadNamePrefix)),
					this.config.monitorInterval().toNanos());
		}

		private static String poolName(String prefix) {
			return prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix;
		}

		PoolEngine.Settings settings(CpuBudget.Share cpuShare) {
			String prefix = checkPrefix(this.threadNamePrefix);
			return new PoolEngine.Settings().name(poolName(prefix))
				.threadNamePrefix(prefix)
				.bounds(this.minWorkers, this.maxWorkers)
				.queueCapacity(this.queueCapacity)
				.decisionHistorySize(this.config.decisionHistorySize())
				.monitorInterval(this.config.monitorInterval())
				.policy(ScalingPolicy.of(this.config, cpuShare))
				.onTerminated(cpuShare::close)
				.rejectedExecutionHandler(this.rejectedExecutionHandler)
				.taskMetricsListener(this.taskMetricsListener)
				.threadFactory(this.threadFactory)
				.enableLogging(this.enableLogging);
		}

	}

}
