package io.betapool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.betapool.internal.PoolEngine;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ExecutorService} contract and the seed's extras, shared by the adaptive and the static
 * executor: both run on a {@link PoolEngine} and differ only in whether a policy sizes the pool.
 */
abstract class MeasuredExecutor implements ExecutorService, AutoCloseable {

	final PoolEngine engine;

	MeasuredExecutor(PoolEngine engine) {
		this.engine = engine;
	}

	@Override
	public void execute(Runnable command) {
		this.engine.executor().execute(Objects.requireNonNull(command, "command"));
	}

	@Override
	public Future<?> submit(Runnable task) {
		return this.engine.executor().submit(Objects.requireNonNull(task, "task"));
	}

	@Override
	public <T extends @Nullable Object> Future<T> submit(Runnable task, T result) {
		return this.engine.executor().submit(Objects.requireNonNull(task, "task"), result);
	}

	@Override
	public <T extends @Nullable Object> Future<T> submit(Callable<T> task) {
		return this.engine.executor().submit(Objects.requireNonNull(task, "task"));
	}

	@Override
	public <T extends @Nullable Object> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
			throws InterruptedException {
		return this.engine.executor().invokeAll(tasks);
	}

	@Override
	public <T extends @Nullable Object> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks,
			long timeout, TimeUnit unit) throws InterruptedException {
		return this.engine.executor().invokeAll(tasks, timeout, unit);
	}

	@Override
	public <T extends @Nullable Object> T invokeAny(Collection<? extends Callable<T>> tasks)
			throws InterruptedException, ExecutionException {
		return this.engine.executor().invokeAny(tasks);
	}

	@Override
	public <T extends @Nullable Object> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout,
			TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
		return this.engine.executor().invokeAny(tasks, timeout, unit);
	}

	/**
	 * Starts an orderly shutdown: queued tasks still run, new ones are rejected. Idempotent.
	 */
	@Override
	public void shutdown() {
		this.engine.shutdown();
	}

	/**
	 * Stops at once: interrupts running tasks and returns the tasks that never started — for
	 * {@code execute} the {@link Runnable}s as given, for {@code submit} their {@link Future}s, which are
	 * cancelled so that no caller waits on them forever (as Spring's executors do on shutdown).
	 */
	@Override
	public List<Runnable> shutdownNow() {
		return this.engine.shutdownNow();
	}

	@Override
	public boolean isShutdown() {
		return this.engine.isShutdown();
	}

	/**
	 * Whether the pool has terminated: every task done and every thread of the pool, the controller's
	 * included, ended.
	 */
	@Override
	public boolean isTerminated() {
		return this.engine.isTerminated();
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.engine.awaitTermination(timeout, Objects.requireNonNull(unit, "unit"));
	}

	/**
	 * Shuts down and waits for termination; if interrupted while waiting, stops at once with
	 * {@link #shutdownNow()}, keeps waiting, and restores the interrupt status. Idempotent.
	 */
	@Override
	public void close() {
		boolean terminated = isTerminated();
		if (terminated) {
			return;
		}
		shutdown();
		boolean interrupted = false;
		while (!terminated) {
			try {
				terminated = awaitTermination(1L, TimeUnit.DAYS);
			}
			catch (InterruptedException ex) {
				if (!interrupted) {
					shutdownNow();
					interrupted = true;
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Applies {@code fn} to every input on the pool and returns the results in input order.
	 * The first failure, in input order, is rethrown as thrown and the unfinished rest is cancelled; a
	 * task cancelled by {@link #shutdownNow()} surfaces as {@link java.util.concurrent.CancellationException}.
	 * @throws InterruptedException if interrupted while waiting; the unfinished rest is cancelled
	 */
	public <T extends @Nullable Object, R extends @Nullable Object> List<R> map(Function<? super T, ? extends R> fn,
			Collection<? extends T> inputs) throws InterruptedException {
		try {
			return mapWithin(fn, inputs, Long.MAX_VALUE);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("map without a timeout timed out", ex);
		}
	}

	/**
	 * {@link #map(Function, Collection)} with a time limit for the whole call.
	 * @throws TimeoutException if not every result is ready within {@code timeout}; the unfinished rest
	 * is cancelled
	 */
	public <T extends @Nullable Object, R extends @Nullable Object> List<R> map(Function<? super T, ? extends R> fn,
			Collection<? extends T> inputs, Duration timeout) throws InterruptedException, TimeoutException {
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("timeout must not be negative, but was " + timeout);
		}
		return mapWithin(fn, inputs, saturatedNanos(timeout));
	}

	private <T extends @Nullable Object, R extends @Nullable Object> List<R> mapWithin(
			Function<? super T, ? extends R> fn, Collection<? extends T> inputs, long timeoutNanos)
			throws InterruptedException, TimeoutException {
		Objects.requireNonNull(fn, "fn");
		Objects.requireNonNull(inputs, "inputs");
		long deadline = System.nanoTime() + timeoutNanos;
		List<Future<R>> futures = new ArrayList<>(inputs.size());
		try {
			for (T input : inputs) {
				futures.add(submit(() -> fn.apply(input)));
			}
			List<R> results = new ArrayList<>(futures.size());
			for (int i = 0; i < futures.size(); i++) {
				Future<R> future = futures.get(i);
				if (timeoutNanos == Long.MAX_VALUE) {
					results.add(future.get());
				}
				else {
					long left = deadline - System.nanoTime();
					try {
						results.add(future.get(Math.max(0, left), TimeUnit.NANOSECONDS));
					}
					catch (TimeoutException ex) {
						TimeoutException timeout = new TimeoutException("map timed out after "
								+ Duration.ofNanos(timeoutNanos) + " with " + i + " of " + futures.size()
								+ " results ready");
						timeout.initCause(ex);
						throw timeout;
					}
				}
			}
			futures.clear();
			return Collections.unmodifiableList(results);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new CompletionException(cause);
		}
		finally {
			for (Future<R> future : futures) {
				future.cancel(true);
			}
		}
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return Math.min(duration.toNanos(), Long.MAX_VALUE - 1);
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE - 1;
		}
	}

	/**
	 * Threads the pool has now.
	 */
	public int getCurrentThreadCount() {
		return this.engine.threadCount();
	}

	/**
	 * A snapshot of the pool's state and its recent performance.
	 */
	public PoolMetrics getMetrics() {
		return this.engine.metrics();
	}

	/**
	 * A read-only {@link java.util.concurrent.ThreadPoolExecutor} face of this pool, for instrumentation
	 * that understands only that class, such as Micrometer's {@code ExecutorServiceMetrics}: its getters
	 * read this pool (size, active threads, queue, completed tasks); whatever would run a task or change
	 * the pool throws {@link UnsupportedOperationException}.
	 */
	public java.util.concurrent.ThreadPoolExecutor threadPoolView() {
		return this.engine.threadPoolView();
	}

	static String checkPrefix(String threadNamePrefix) {
		Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
		if (threadNamePrefix.isBlank()) {
			throw new IllegalArgumentException("threadNamePrefix must not be blank, but was '" + threadNamePrefix + "'");
		}
		return threadNamePrefix;
	}

}
