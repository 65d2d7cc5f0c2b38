package io.betapool.internal;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Runnable} given to {@code execute}, stamped with its submission time.
 */
final class TimedRunnable implements Runnable, TimedTask {

	private final Runnable task;

	private final long submitNanos;

	private @Nullable Throwable failure;

	TimedRunnable(Runnable task, long submitNanos) {
		this.task = task;
		this.submitNanos = submitNanos;
	}

	@Override
	public void run() {
		try {
			this.task.run();
		}
		catch (RuntimeException | Error ex) {
			this.failure = ex;
			throw ex;
		}
	}

	@Override
	public long submitNanos() {
		return this.submitNanos;
	}

	@Override
	public Runnable userTask() {
		return this.task;
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
		return this.task.toString();
	}

}
