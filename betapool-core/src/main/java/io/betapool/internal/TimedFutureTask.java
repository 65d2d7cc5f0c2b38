package io.betapool.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

import org.jspecify.annotations.Nullable;

/**
 * The future behind {@code submit}, {@code invokeAll} and {@code invokeAny}, stamped with its
 * submission time: one object per task, as in {@link java.util.concurrent.ThreadPoolExecutor}.
 */
final class TimedFutureTask<V extends @Nullable Object> extends FutureTask<V> implements TimedTask {

	private final long submitNanos;

	private final Object source;

	private @Nullable Throwable failure;

	TimedFutureTask(Callable<V> callable, long submitNanos) {
		super(callable);
		this.submitNanos = submitNanos;
		this.source = callable;
	}

	TimedFutureTask(Runnable runnable, V result, long submitNanos) {
		super(runnable, result);
		this.submitNanos = submitNanos;
		this.source = runnable;
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
