package io.betapool.internal;

import java.util.concurrent.ThreadPoolExecutor;

/**
 * The one place a pool is resized, in the order {@link ThreadPoolExecutor} requires (JDK-7153400):
 * to grow, raise the maximum and then the core size; to shrink, lower the core size and then the
 * maximum. Core and maximum are kept equal, so with an unbounded queue the core size alone decides
 * how many threads run. Growing starts threads at once for queued work; shrinking interrupts only
 * idle workers, and a busy worker above the new size retires after its current task. One resizer per
 * pool: resizes of one pool are serialised, and pools never wait for each other.
 */
final class PoolResizer {

	private final ThreadPoolExecutor pool;

	PoolResizer(ThreadPoolExecutor pool) {
		this.pool = pool;
	}

	synchronized void resize(int size) {
		if (size < 1) {
			throw new IllegalArgumentException("size must be >= 1, but was " + size);
		}
		if (size > this.pool.getCorePoolSize()) {
			if (size > this.pool.getMaximumPoolSize()) {
				this.pool.setMaximumPoolSize(size);
			}
			this.pool.setCorePoolSize(size);
		}
		else if (size < this.pool.getCorePoolSize()) {
			this.pool.setCorePoolSize(size);
			this.pool.setMaximumPoolSize(size);
		}
	}

}
