package io.betapool.internal;

import org.jspecify.annotations.Nullable;

/**
 * A task that knows when it was submitted, so that its latency can include queue wait.
 */
interface TimedTask {

	/** The ticker reading when the task was submitted, or 0 when the task is not timed. */
	long submitNanos();

	/** The task the user submitted, handed back by {@code shutdownNow} and rejection handlers. */
	Runnable userTask();

	/** Whether the task failed: it threw, or its future completed exceptionally. */
	boolean failed();

	/** What the task threw, if it did; for task metrics. */
	@Nullable Throwable failure();

}
