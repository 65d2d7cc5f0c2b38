package io.betapool;

import java.util.concurrent.ExecutorService;

import io.betapool.internal.PoolEngine;

/**
 * The seed's fixed-size baseline: an {@link ExecutorService} of exactly {@code workers} threads with
 * an unbounded queue, measured like {@link AdaptiveThreadPoolExecutor} and reporting the same
 * {@link #getMetrics() metrics}, so the two can be compared side by side. No policy runs; a
 * measuring thread samples the pool every 500 ms.
 */
public final class StaticThreadPoolExecutor extends MeasuredExecutor {

	private final int workers;

	/**
	 * A pool of {@code workers} threads, named {@code betapool-static-1}, ….
	 * @throws IllegalArgumentException if {@code workers < 1}
	 */
	public StaticThreadPoolExecutor(int workers) {
		super(PoolEngine.start(settings(workers)));
		this.workers = workers;
	}

	private static PoolEngine.Settings settings(int workers) {
		if (workers < 1) {
			throw new IllegalArgumentException("workers must be >= 1, but was " + workers);
		}
		return new PoolEngine.Settings().name("betapool-static")
			.threadNamePrefix("betapool-static-")
			.bounds(workers, workers)
			.monitorInterval(ControllerConfig.DEFAULT_MONITOR_INTERVAL)
			.policy(null);
	}

	/** The fixed number of threads. */
	public int getWorkers() {
		return this.workers;
	}

	@Override
	public String toString() {
		return "StaticThreadPoolExecutor[workers=" + this.workers + ", threads=" + getCurrentThreadCount()
				+ (isShutdown() ? ", shut down" : "") + "]";
	}

}
