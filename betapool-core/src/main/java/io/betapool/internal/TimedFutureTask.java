package io.betapool.internal;

import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.jspecify.annotations.Nullable;

/**
 * The future behind {@code submit}, {@code invokeAll} and {@code invokeAny}, stamped with its
 * submission time: one object per task, as in {@link java.util.concurrent.ThreadPoolExecutor}.
 */
final class TimedFutureTask<V extends @Nullable Object> extends FutureTask<V> implements TimedTask {

	private final long submitNanos;

	private final Object source;

	private final @Nullable Queue<Future<V>> completions;

	private @Nullable Throwable failure;

	/** The pool that counts this task's completion, before the future publishes it; null outside a pool. */
	private final @Nullable InstrumentedThreadPool pool;

	/** Whether the completion was counted as the future completed; written and read by the running worker. */
	private boolean counted;

	TimedFutureTask(Callable<V> callable, long submitNanos, @Nullable InstrumentedThreadPool pool) {
		this(callable, submitNanos, null, pool);
	}

	/**
	 * A task that adds itself to {@code completions} when it completes in any way: run, failed or
	 * cancelled.
	 */
	TimedFutureTask(Callable<V> callable, long submitNanos, @Nullable Queue<Future<V>> completions,
			@Nullable InstrumentedThreadPool pool) {
		super(callable);
		this.submitNanos = submitNanos;
		this.source = callable;
		this.completions = completions;
		this.pool = pool;
	}

	TimedFutureTask(Runnable runnable, V result, long submitNanos, @Nullable InstrumentedThreadPool pool) {
		super(runnable, result);
		this.submitNanos = submitNanos;
		this.source = runnable;
		this.completions = null;
		this.pool = pool;
	}

	/**
	 * Counts the completion in the pool's figures before the result is published, so that a caller who
	 * sees the future done also sees the task counted.
	 */
	@Override
	protected void set(V v) {
		count(null);
		super.set(v);
	}

	@Override
	protected void done() {
		if (this.completions != null) {
			this.completions.add(this);
		}
	}

	@Override
	protected void setException(Throwable t) {
		this.failure = t;
		count(t);
		super.setException(t);
	}

	private void count(@Nullable Throwable thrown) {
		if (this.pool != null && !this.counted && !isDone()) {
			this.counted = this.pool.completed(this, thrown);
		}
	}

	/** Whether the pool counted this task's completion as its future completed. */
	boolean counted() {
		return this.counted;
	}

	@Override
	public long submitNanos() {
		return this.submitNanos;
	}

	@Override
	public Runnable userTask() {
		return this;
	}

	@Override
	public boolean failed() {
		return this.failure != null;
	}

	@Override
	public @Nullable Throwable failure() {
		return this.failure;
	}

	@Override
	public String toString() {
		return super.toString() + "[" + this.source + "]";
	}

}
