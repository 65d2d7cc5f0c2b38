package io.betapool.internal;

import java.util.concurrent.ThreadPoolExecutor;

/**
 * The one place a pool is resized, in the order {@link ThreadPoolExecutor} requires (JDK-7153400):
 * to grow, raise the maximum and then the core size; to shrink, lower the core size and then the
 * maximum. Core and maximum are kept equal, so with an unbounded queue the core size alone decides
 * how many threads run. Growing starts threads at once for queued work; shrinking interrupts only
 * idle workers, and a busy worker above the new size retires after its current task.
 */
final class PoolResizer {

	private PoolResizer() {
	}

	static synchronized void resize(ThreadPoolExecutor pool, int size) {
		if (size < 1) {
			throw new IllegalArgumentException("size must be >= 1, but was " + size);
		}
		if (size > pool.getCorePoolSize()) {
			if (size > pool.getMaximumPoolSize()) {
				pool.setMaximumPoolSize(size);
			}
			pool.setCorePoolSize(size);
		}
		else if (size < pool.getCorePoolSize()) {
			pool.setCorePoolSize(size);
			pool.setMaximumPoolSize(size);
		}
	}

}
