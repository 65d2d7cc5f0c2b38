package io.betapool.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.betapool.measure.SchedStat;
import org.jspecify.annotations.Nullable;

/**
 * Creates a pool's worker threads and keeps the {@link WorkerStats} of each until the controller has
 * read its last figures and the thread has ended. Each worker learns its Linux thread id once, when it
 * starts, and finds its own stats through a thread-local.
 */
final class WorkerRegistry implements ThreadFactory {

	private final String namePrefix;

	private final AtomicInteger sequence = new AtomicInteger();

	private final List<WorkerStats> workers = new CopyOnWriteArrayList<>();

	private final ThreadLocal<WorkerStats> current = new ThreadLocal<>();

	WorkerRegistry(String namePrefix) {
		this.namePrefix = namePrefix;
	}

	@Override
	public Thread newThread(Runnable worker) {
		Thread thread = new Thread(() -> runWorker(worker), this.namePrefix + this.sequence.incrementAndGet());
		thread.setDaemon(false);
		return thread;
	}

	private void runWorker(Runnable worker) {
		WorkerStats stats = new WorkerStats(Thread.currentThread(), SchedStat.currentThreadId());
		this.workers.add(stats);
		this.current.set(stats);
		try {
			worker.run();
		}
		finally {
			this.current.remove();
			stats.retire();
		}
	}

	/** The stats of the calling worker, or {@code null} on a thread that is not one of ours. */
	@Nullable WorkerStats current() {
		return this.current.get();
	}

	/** Every worker not yet forgotten, live or retired. */
	List<WorkerStats> workers() {
		return this.workers;
	}

	/** Forgets a worker whose thread has ended and whose figures have been read. */
	void forget(WorkerStats stats) {
		this.workers.remove(stats);
	}

}
