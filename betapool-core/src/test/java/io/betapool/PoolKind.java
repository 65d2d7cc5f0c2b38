package io.betapool;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * The executors every contract and fault test runs against: the adaptive executor with each policy and
 * the static baseline, each of two threads. The adaptive pool's bounds are both 2: its controller runs
 * and ticks, wake-ups included, but the tests that gate two running tasks and queue the rest can rely on
 * no third thread taking them; growth racing with the lifecycle has tests of its own.
 */
public enum PoolKind {

	ADAPTIVE("betapool-", () -> new AdaptiveThreadPoolExecutor(2, 2)),

	SEED("betapool-",
			() -> new AdaptiveThreadPoolExecutor(2, 8, ControllerConfig.builder().policy(Policy.SEED).build())),

	STATIC("betapool-static-", () -> new StaticThreadPoolExecutor(2));

	/** The prefix of the names of the pool's threads, its controller's included. */
	public final String threadNamePrefix;

	private final Supplier<MeasuredExecutor> factory;

	PoolKind(String threadNamePrefix, Supplier<MeasuredExecutor> factory) {
		this.threadNamePrefix = threadNamePrefix;
		this.factory = factory;
	}

	/** A new, started executor of this kind. */
	public ExecutorService create() {
		return this.factory.get();
	}

	MeasuredExecutor createMeasured() {
		return this.factory.get();
	}

	/** Calls the executor's {@code close()}: shuts it down and waits for termination. */
	public static void close(ExecutorService executor) {
		((MeasuredExecutor) executor).close();
	}

	/** The executor's {@code getCurrentThreadCount()}. */
	public static int threadCount(ExecutorService executor) {
		return ((MeasuredExecutor) executor).getCurrentThreadCount();
	}

	/** The executor's read-only {@code threadPoolView()}, for its active count and queue. */
	public static ThreadPoolExecutor view(ExecutorService executor) {
		return ((MeasuredExecutor) executor).threadPoolView();
	}

	/** The executor's {@code getMetrics()}. */
	public static PoolMetrics metrics(ExecutorService executor) {
		return ((MeasuredExecutor) executor).getMetrics();
	}

}
