package io.betapool.spring.boot.advice;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

import io.betapool.measure.SchedStat;
import org.jspecify.annotations.Nullable;

/**
 * A pool of the application that is measured, never resized. Its workers are known through its thread
 * factory, which is wrapped so that each new worker announces itself (with its Linux thread id, read
 * once from the thread itself, as the core's workers do) and leaves when it ends; threads the pool
 * created before it was observed are not measured.
 */
final class ObservedPool {

	final String name;

	private final Supplier<ThreadPoolExecutor> executor;

	/** The live workers; written by the workers as they start and end, read by the advisor. */
	final Map<Thread, Long> workers = new ConcurrentHashMap<>();

	/** Busy time summed from activity samples; advisor thread only. */
	long busyNanos;

	volatile @Nullable PoolAdvice advice;

	private boolean wrapped;

	ObservedPool(String name, Supplier<ThreadPoolExecutor> executor) {
		this.name = name;
		this.executor = executor;
	}

	ThreadPoolExecutor executor() {
		return this.executor.get();
	}

	/**
	 * Wraps the pool's thread factory, once; the threads are still made by the pool's own factory.
	 */
	synchronized void observeWorkers() {
		if (this.wrapped) {
			return;
		}
		ThreadPoolExecutor pool = this.executor.get();
		ThreadFactory delegate = pool.getThreadFactory();
		pool.setThreadFactory((runnable) -> delegate.newThread(() -> {
			Thread self = Thread.currentThread();
			this.workers.put(self, SchedStat.currentThreadId());
			try {
				runnable.run();
			}
			finally {
				this.workers.remove(self);
			}
		}));
		this.wrapped = true;
	}

}
