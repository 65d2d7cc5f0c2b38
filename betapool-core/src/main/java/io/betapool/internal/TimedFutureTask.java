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

	TimedFutureTask(Callable<V> callable, long submitNanos) {
		this(callable, submitNanos, null);
	}

	/**
	 * A task that adds itself to {@code completions} when it completes in any way: run, failed or
	 * cancelled.
	 */
	TimedFutureTask(Callable<V> callable, long submitNanos, @Nullable Queue<Future<V>> completions) {
		super(callable);
		this.submitNanos = submitNanos;
		this.source = callable;
		this.completions = completions;
	}

	TimedFutureTask(Runnable runnable, V result, long submitNanos) {
		super(runnable, result);
		this.submitNanos = submitNanos;
		this.source = runnable;
		this.completions = null;
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
		super.setException(t);
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
