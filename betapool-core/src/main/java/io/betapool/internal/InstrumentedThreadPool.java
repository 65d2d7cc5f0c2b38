package io.betapool.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.betapool.TaskMetrics;
import io.betapool.measure.Ticker;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ThreadPoolExecutor} under both executors, with per-task accounting in its hooks.
 *
 * <p>The task path adds, per task: a draw from {@link ThreadLocalRandom} that decides whether the task
 * is timed, a field read of the worker's {@link WorkerStats} and a single-writer count. Only a sample of
 * the tasks — all of them while the pool runs fewer than about two thousand a tick, then one in
 * {@code sampleMask + 1}, as the controller sets it — is wrapped (for {@code execute}) and stamped with
 * the ticker at submission, start and end, for latency and execution time; a clock read costs more than
 * a small task's whole trip through a {@link ThreadPoolExecutor} on some machines. Busy time needs no
 * per-task clock: it is the workers' life minus the time they wait on an empty queue. No lock and no
 * CPU-time call, unless a task-metrics listener asks for every task to be timed.
 */
final class InstrumentedThreadPool extends ThreadPoolExecutor {

	private final Ticker ticker;

	private final WorkerRegistry registry;

	private final Runnable onTerminated;

	private final @Nullable Consumer<TaskMetrics> taskMetricsListener;

	private final @Nullable ThreadMXBean threadBean;

	private final Clock clock;

	private final AtomicLong taskSequence = new AtomicLong();

	private final System.Logger logger;

	/** One task in {@code sampleMask + 1} is timed; 0 times every task. Set by the controller. */
	private volatile int sampleMask;

	/** Whether the next submission that leaves a backlog should wake the controller. Set by the controller. */
	private volatile boolean wakeOnBacklog;

	/** The queue, when it counts its idle workers; a backlog is then more queued tasks than those. */
	private final @Nullable IdleTrackingQueue idleTracking;

	private Runnable onBacklog = () -> {
	};

	InstrumentedThreadPool(int size, BlockingQueue<Runnable> queue, WorkerRegistry registry, Ticker ticker,
			Clock clock, @Nullable RejectedExecutionHandler userHandler, String poolName,
			@Nullable Consumer<TaskMetrics> taskMetricsListener, Runnable onTerminated, System.Logger logger) {
		super(size, size, 60, TimeUnit.SECONDS, queue, registry, new Rejection(userHandler, poolName));
		this.ticker = ticker;
		this.clock = clock;
		this.registry = registry;
		this.onTerminated = onTerminated;
		this.taskMetricsListener = taskMetricsListener;
		this.threadBean = (taskMetricsListener != null) ? cpuTimeBean() : null;
		this.logger = logger;
		this.idleTracking = (queue instanceof IdleTrackingQueue tracking) ? tracking : null;
	}

	private static @Nullable ThreadMXBean cpuTimeBean() {
		ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		return bean.isCurrentThreadCpuTimeSupported() ? bean : null;
	}

	@Override
	public void execute(Runnable command) {
		Objects.requireNonNull(command, "command");
		if (command instanceof TimedTask || !sampleNext()) {
			super.execute(command);
		}
		else {
			super.execute(new TimedRunnable(command, stamp()));
		}
		// every submission comes through here; one volatile read while the controller needs no wake-up
		if (this.wakeOnBacklog && hasBacklog()) {
			this.wakeOnBacklog = false;
			this.onBacklog.run();
		}
	}

	/** Whether more tasks are queued than idle workers can take at once: tasks wait for a thread. */
	private boolean hasBacklog() {
		IdleTrackingQueue tracking = this.idleTracking;
		return (tracking != null) ? tracking.hasBacklog() : !getQueue().isEmpty();
	}

	/** What to run when a submission leaves tasks queued while {@link #wakeOnBacklog(boolean)} is set. */
	void onBacklog(Runnable onBacklog) {
		this.onBacklog = onBacklog;
	}

	/** Arms (or disarms) the wake-up of {@link #onBacklog(Runnable)} by the next submission that leaves a backlog. */
	void wakeOnBacklog(boolean armed) {
		this.wakeOnBacklog = armed;
	}

	@Override
	protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
		return new TimedFutureTask<>(callable, sampleNext() ? stamp() : 0, this);
	}

	@Override
	protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
		return new TimedFutureTask<>(runnable, value, sampleNext() ? stamp() : 0, this);
	}

	/** Sets how sparsely tasks are timed: one in {@code mask + 1}, with {@code mask} one less than a power of two. */
	void sampleOneIn(int mask) {
		if (this.taskMetricsListener == null) {
			this.sampleMask = mask;
		}
	}

	private boolean sampleNext() {
		int mask = this.sampleMask;
		return mask == 0 || (ThreadLocalRandom.current().nextInt() & mask) == 0;
	}

	/** A submission stamp; never 0, which marks a task that is not timed. */
	private long stamp() {
		long now = this.ticker.read();
		return (now == 0) ? 1 : now;
	}

	private static boolean isSampled(Runnable task) {
		return task instanceof TimedTask timed && timed.submitNanos() != 0;
	}

	@Override
	public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
		try {
			return invokeAny(tasks, false, 0);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("untimed invokeAny timed out", ex);
		}
	}

	@Override
	public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
			throws InterruptedException, ExecutionException, TimeoutException {
		return invokeAny(tasks, true, unit.toNanos(timeout));
	}

	/**
	 * Runs the tasks one after another until one succeeds: a task is started when none of those
	 * started has completed yet or when one fails. Every task adds its own future to a completion queue
	 * when it completes in any way, cancellation by {@link #shutdownNow()} included, so a waiting caller
	 * always wakes; the tasks still running when a result is in are cancelled.
	 */
	private <T> T invokeAny(Collection<? extends Callable<T>> tasks, boolean timed, long nanos)
			throws InterruptedException, ExecutionException, TimeoutException {
		Objects.requireNonNull(tasks, "tasks");
		if (tasks.isEmpty()) {
			throw new IllegalArgumentException("tasks must not be empty");
		}
		for (Callable<T> task : tasks) {
			Objects.requireNonNull(task, "task");
		}
		long deadline = timed ? System.nanoTime() + nanos : 0;
		BlockingQueue<Future<T>> completions = new LinkedBlockingQueue<>();
		List<Future<T>> started = new ArrayList<>(tasks.size());
		Iterator<? extends Callable<T>> pending = tasks.iterator();
		ExecutionException lastFailure = null;
		try {
			int running = 0;
			while (true) {
				Future<T> done = completions.poll();
				if (done == null && pending.hasNext()) {
					started.add(start(pending.next(), completions));
					running++;
					continue;
				}
				if (done == null && running == 0) {
					break;
				}
				if (done == null) {
					done = timed ? completions.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
							: completions.take();
					if (done == null) {
						throw new TimeoutException("invokeAny timed out with no successful task");
					}
				}
				running--;
				try {
					return done.get();
				}
				catch (ExecutionException ex) {
					lastFailure = ex;
				}
				catch (CancellationException ex) {
					lastFailure = new ExecutionException("task was cancelled", ex);
				}
			}
			throw (lastFailure != null) ? lastFailure : new ExecutionException("no task completed", null);
		}
		finally {
			for (Future<T> future : started) {
				future.cancel(true);
			}
		}
	}

	private <T> Future<T> start(Callable<T> task, BlockingQueue<Future<T>> completions) {
		TimedFutureTask<T> future = new TimedFutureTask<>(task, sampleNext() ? stamp() : 0, completions, this);
		execute(future);
		return future;
	}

	@Override
	protected void beforeExecute(Thread thread, Runnable task) {
		if (!isSampled(task)) {
			return;
		}
		WorkerStats stats = this.registry.current();
		if (stats != null) {
			stats.sampleStart = this.ticker.read();
			if (this.threadBean != null) {
				stats.cpuAtStart = this.threadBean.getCurrentThreadCpuTime();
			}
		}
	}

	@Override
	protected void afterExecute(Runnable task, @Nullable Throwable thrown) {
		if (!(task instanceof TimedFutureTask<?> future && future.counted())) {
			completed(task, thrown);
		}
	}

	/**
	 * Counts a task that ended on the calling worker, and times it when it was sampled: from
	 * {@link #afterExecute}, or from a future as it completes, before its result is published.
	 * @return whether the calling thread is one of the pool's workers, so that the task was counted
	 */
	boolean completed(Runnable task, @Nullable Throwable thrown) {
		WorkerStats stats = this.registry.current();
		if (stats == null) {
			return false;
		}
		TimedTask timed = (task instanceof TimedTask t) ? t : null;
		boolean failed = thrown != null || (timed != null && timed.failed());
		if (timed == null || timed.submitNanos() == 0) {
			stats.taskEnded(failed);
			return true;
		}
		long execution = stats.sampledTaskEnded(this.ticker.read(), timed.submitNanos(), failed);
		if (this.threadBean != null && this.taskMetricsListener != null) {
			Throwable failure = (thrown != null) ? thrown : timed.failure();
			long cpu = Math.max(0, this.threadBean.getCurrentThreadCpuTime() - stats.cpuAtStart);
			reportTaskMetrics(TaskMetrics.of(this.taskSequence.incrementAndGet(), Duration.ofNanos(execution),
					Duration.ofNanos(cpu), this.clock.instant(), failure));
		}
		return true;
	}

	private void reportTaskMetrics(TaskMetrics metrics) {
		try {
			this.taskMetricsListener.accept(metrics);
		}
		catch (RuntimeException ex) {
			this.logger.log(System.Logger.Level.WARNING, "Task-metrics listener failed", ex);
		}
	}

	@Override
	protected void terminated() {
		this.onTerminated.run();
	}

	/**
	 * {@link #shutdownNow()} with the tasks handed back as the user submitted them; futures among them
	 * are cancelled, so that no caller waits on them forever.
	 */
	List<Runnable> shutdownNowUnwrapped() {
		List<Runnable> drained = shutdownNow();
		List<Runnable> tasks = new ArrayList<>(drained.size());
		for (Runnable task : drained) {
			Runnable userTask = userTaskOf(task);
			cancelIfFuture(userTask);
			tasks.add(userTask);
		}
		return tasks;
	}

	static Runnable userTaskOf(Runnable task) {
		return (task instanceof TimedTask timed) ? timed.userTask() : task;
	}

	/** Cancels a task that is a future, so that nobody waits on one that will never run. */
	static void cancelIfFuture(Runnable task) {
		if (task instanceof java.util.concurrent.Future<?> future) {
			future.cancel(false);
		}
	}

	/**
	 * Refuses tasks: always with {@link RejectedExecutionException} once the pool is shut down;
	 * otherwise through the user's handler, which sees the task as submitted. Futures that a discard
	 * policy would leave pending are cancelled instead.
	 */
	private static final class Rejection implements RejectedExecutionHandler {

		private final @Nullable RejectedExecutionHandler handler;

		private final String poolName;

		Rejection(@Nullable RejectedExecutionHandler handler, String poolName) {
			this.handler = handler;
			this.poolName = poolName;
		}

		@Override
		public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
			Runnable userTask = userTaskOf(task);
			if (pool.isShutdown()) {
				// ThreadPoolExecutor drops a worker it was creating when shutdown() lands meanwhile; tasks that
				// other producers queued behind that worker would then wait forever. This task's own execute
				// always ends here, so here the pool gets the worker that drains them.
				if (!pool.getQueue().isEmpty()) {
					pool.prestartCoreThread();
				}
				throw new RejectedExecutionException(
						"Task " + userTask + " rejected: executor '" + this.poolName + "' has been shut down");
			}
			if (this.handler == null) {
				throw new RejectedExecutionException("Task " + userTask + " rejected: executor '" + this.poolName
						+ "' is saturated (" + pool.getPoolSize() + " threads busy and its queue full)");
			}
			if (this.handler.getClass() == ThreadPoolExecutor.DiscardOldestPolicy.class) {
				Runnable oldest = pool.getQueue().poll();
				if (oldest != null) {
					cancelIfFuture(userTaskOf(oldest));
				}
				pool.execute(task);
				return;
			}
			List<Runnable> dropped = (pool.getQueue() instanceof IdleTrackingQueue queue)
					? queue.watchRemovals(() -> this.handler.rejectedExecution(userTask, pool))
					: callHandler(userTask, pool);
			if (this.handler instanceof ThreadPoolExecutor.DiscardPolicy) {
				cancelIfFuture(userTask);
			}
			for (Runnable removed : dropped) {
				cancelIfFuture(userTaskOf(removed));
			}
		}

		private List<Runnable> callHandler(Runnable userTask, ThreadPoolExecutor pool) {
			this.handler.rejectedExecution(userTask, pool);
			return List.of();
		}

	}

}
