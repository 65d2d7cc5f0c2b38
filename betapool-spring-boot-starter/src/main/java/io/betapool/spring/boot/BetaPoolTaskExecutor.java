package io.betapool.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.betapool.AdaptiveThreadPoolExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.TaskRejectedException;

/**
 * Spring's {@link AsyncTaskExecutor} face of an {@link AdaptiveThreadPoolExecutor}: what {@code @Async}
 * methods, Spring MVC asynchronous requests and any other Spring component that asks for a
 * {@code TaskExecutor} run on.
 *
 * <h2>Tasks</h2>
 * Every task passes through the {@link TaskDecorator}, if any, on its way to the pool, so that context
 * such as the logging MDC crosses to the worker thread. A task the pool refuses (its bounded queue is
 * full, or it is shutting down) raises {@link TaskRejectedException}.
 *
 * <h2>Failures, as Spring's executors report them</h2>
 * A task that fails completes the {@link CompletableFuture} of {@link #submitCompletable(Callable)}
 * exceptionally with a {@link CompletionException} whose cause is the task's exception, as Spring's own
 * executors do (they complete it through {@link CompletableFuture#supplyAsync}): {@code whenComplete},
 * {@code handle} and {@code exceptionally} see the {@code CompletionException}, {@code join()} throws it,
 * and {@code get()} throws an {@link ExecutionException} with the task's exception as its cause. The
 * {@link Future} of {@code submit} fails with an {@code ExecutionException} as a {@link FutureTask} does.
 *
 * <h2>Futures are never left hanging: the one deliberate divergence from Spring</h2>
 * The futures returned by {@code submit} and {@code submitCompletable} are the tasks the pool queues,
 * decorated inside, so the pool sees them as futures: when it is stopped before such a task ran, or a
 * discarding rejection policy drops it, the pool cancels it, and a {@link CompletableFuture} then
 * completes exceptionally with a {@link CancellationException}. Spring's {@code ThreadPoolTaskExecutor}
 * cancels the queued futures of {@code submit} too, but leaves the {@code CompletableFuture} of a task it
 * never ran incomplete for ever, so that whoever waits on it without a timeout waits for ever; this
 * executor completes it instead, on purpose. Cancelling a {@code CompletableFuture} returned by
 * {@link #submitCompletable(Callable)} cancels its task, interrupting it if it already runs.
 *
 * <h2>Lifecycle</h2>
 * Running from construction until {@link #destroy()}, which Spring calls when the application context
 * closes: the pool stops accepting tasks, lets the queued ones finish within the await-termination
 * period, then cancels those that have not started, interrupts the running ones and logs how many tasks
 * were cancelled. {@code destroy()} is idempotent; tasks submitted afterwards are rejected.
 */
public class BetaPoolTaskExecutor implements AsyncTaskExecutor, BeanNameAware, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(BetaPoolTaskExecutor.class);

	private final AdaptiveThreadPoolExecutor executor;

	private final @Nullable TaskDecorator taskDecorator;

	private final Duration awaitTerminationPeriod;

	private final AtomicBoolean destroyed = new AtomicBoolean();

	private volatile String beanName;

	/**
	 * An executor over {@code executor} without task decorator that cancels queued tasks at once on
	 * {@link #destroy()}.
	 * @param executor the pool to run tasks on; this executor owns it and shuts it down
	 */
	public BetaPoolTaskExecutor(AdaptiveThreadPoolExecutor executor) {
		this(executor, null, Duration.ZERO);
	}

	/**
	 * An executor over {@code executor}.
	 * @param executor the pool to run tasks on; this executor owns it and shuts it down
	 * @param taskDecorator applied to every task, or {@code null}
	 * @param awaitTerminationPeriod how long {@link #destroy()} lets queued and running tasks finish before
	 * it cancels them; not negative
	 */
	public BetaPoolTaskExecutor(AdaptiveThreadPoolExecutor executor, @Nullable TaskDecorator taskDecorator,
			Duration awaitTerminationPeriod) {
		this.executor = Objects.requireNonNull(executor, "executor");
		this.taskDecorator = taskDecorator;
		this.awaitTerminationPeriod = Objects.requireNonNull(awaitTerminationPeriod, "awaitTerminationPeriod");
		if (awaitTerminationPeriod.isNegative()) {
			throw new IllegalArgumentException(
					"awaitTerminationPeriod must not be negative, but was " + awaitTerminationPeriod);
		}
		this.beanName = executor.getThreadNamePrefix();
	}

	/**
	 * The adaptive pool the tasks run on, for its metrics and decision history. Submit tasks through this
	 * executor rather than the pool directly, so that they are decorated and tracked.
	 */
	public AdaptiveThreadPoolExecutor getThreadPoolExecutor() {
		return this.executor;
	}

	/** How long {@link #destroy()} lets tasks finish before it cancels them. */
	public Duration getAwaitTerminationPeriod() {
		return this.awaitTerminationPeriod;
	}

	@Override
	public void setBeanName(String name) {
		this.beanName = name;
	}

	@Override
	public void execute(Runnable task) {
		Objects.requireNonNull(task, "task");
		try {
			this.executor.execute(decorate(task));
		}
		catch (RejectedExecutionException ex) {
			throw new TaskRejectedException(this.executor, task, ex);
		}
	}

	@Override
	public Future<?> submit(Runnable task) {
		Objects.requireNonNull(task, "task");
		return schedule(new TrackedTask<>(Executors.callable(task), null, this.taskDecorator), task);
	}

	@Override
	public <T> Future<T> submit(Callable<T> task) {
		Objects.requireNonNull(task, "task");
		return schedule(new TrackedTask<>(task, null, this.taskDecorator), task);
	}

	@Override
	public CompletableFuture<Void> submitCompletable(Runnable task) {
		Objects.requireNonNull(task, "task");
		return submitCompletable(Executors.callable(task, (Void) null));
	}

	@Override
	public <T> CompletableFuture<T> submitCompletable(Callable<T> task) {
		Objects.requireNonNull(task, "task");
		CompletableFuture<T> completable = new CompletableFuture<>();
		TrackedTask<T> tracked = schedule(new TrackedTask<>(task, completable, this.taskDecorator), task);
		completable.whenComplete((result, failure) -> {
			if (completable.isCancelled()) {
				tracked.cancel(true);
			}
		});
		return completable;
	}

	private <T> TrackedTask<T> schedule(TrackedTask<T> tracked, Object task) {
		try {
			this.executor.execute(tracked);
		}
		catch (RejectedExecutionException ex) {
			throw new TaskRejectedException(this.executor, task, ex);
		}
		return tracked;
	}

	private Runnable decorate(Runnable task) {
		return (this.taskDecorator != null) ? this.taskDecorator.decorate(task) : task;
	}

	/**
	 * Stops the pool: no new tasks; queued and running tasks get the await-termination period to finish;
	 * then queued tasks are cancelled, running ones interrupted, and the number of cancelled tasks logged.
	 * Idempotent.
	 */
	@Override
	public void destroy() {
		if (!this.destroyed.compareAndSet(false, true)) {
			return;
		}
		this.executor.shutdown();
		boolean interrupted = false;
		boolean terminated;
		try {
			terminated = this.executor.awaitTermination(this.awaitTerminationPeriod.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			interrupted = true;
			terminated = false;
		}
		if (!terminated) {
			List<Runnable> neverStarted = this.executor.shutdownNow();
			logger.warn("Executor '{}' did not finish its tasks within {}: cancelled {} queued task(s) and interrupted "
					+ "the running ones", this.beanName, this.awaitTerminationPeriod, neverStarted.size());
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "BetaPoolTaskExecutor[" + this.beanName + ", " + this.executor + "]";
	}

	/**
	 * A task handed to the pool with a future of its own, the task decorator applied inside it so that
	 * the pool still sees a {@link Future} it can cancel; it completes its {@link CompletableFuture}, if it
	 * has one, with its outcome.
	 */
	private static final class TrackedTask<T> extends FutureTask<T> {

		private final @Nullable CompletableFuture<T> completable;

		private final Runnable body;

		TrackedTask(Callable<T> callable, @Nullable CompletableFuture<T> completable,
				@Nullable TaskDecorator taskDecorator) {
			super(callable);
			this.completable = completable;
			Runnable run = super::run;
			this.body = (taskDecorator != null) ? taskDecorator.decorate(run) : run;
		}

		@Override
		public void run() {
			this.body.run();
		}

		@Override
		protected void done() {
			CompletableFuture<T> target = this.completable;
			if (target == null) {
				return;
			}
			if (isCancelled()) {
				target.completeExceptionally(new CancellationException("Task was cancelled before it completed"));
				return;
			}
			try {
				target.complete(get());
			}
			catch (ExecutionException ex) {
				target.completeExceptionally(asCompletionException((ex.getCause() != null) ? ex.getCause() : ex));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				target.completeExceptionally(asCompletionException(ex));
			}
		}

	}

	/**
	 * The failure as {@link CompletableFuture#supplyAsync} reports it: a {@link CompletionException} is
	 * kept, anything else becomes its cause.
	 */
	private static CompletionException asCompletionException(Throwable failure) {
		return (failure instanceof CompletionException completion) ? completion : new CompletionException(failure);
	}

}
