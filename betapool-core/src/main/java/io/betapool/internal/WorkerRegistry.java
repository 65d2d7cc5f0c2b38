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
 *
 * <p>Threads come from the user's {@link ThreadFactory} when one is given. A factory that throws,
 * returns {@code null} or returns a thread that is already started would leave queued tasks without a
 * worker; such a thread is not used, the failure is logged, and the pool makes its own thread instead.
 * A worker body runs only on the thread it was handed to, so a thread a factory started on its own
 * cannot run it.
 */
final class WorkerRegistry implements ThreadFactory {

	private final String namePrefix;

	private final @Nullable ThreadFactory userFactory;

	private final System.Logger logger;

	private final AtomicInteger sequence = new AtomicInteger();

	private final List<WorkerStats> workers = new CopyOnWriteArrayList<>();

	private final ThreadLocal<WorkerStats> current = new ThreadLocal<>();

	WorkerRegistry(String namePrefix, @Nullable ThreadFactory userFactory, System.Logger logger) {
		this.namePrefix = namePrefix;
		this.userFactory = userFactory;
		this.logger = logger;
	}

	@Override
	public Thread newThread(Runnable worker) {
		WorkerBody body = new WorkerBody(worker);
		Thread thread = fromUserFactory(body);
		if (thread == null) {
			thread = new Thread(body, this.namePrefix + this.sequence.incrementAndGet());
			thread.setDaemon(false);
		}
		body.owner = thread;
		return thread;
	}

	private @Nullable Thread fromUserFactory(Runnable body) {
		if (this.userFactory == null) {
			return null;
		}
		Thread thread;
		try {
			thread = this.userFactory.newThread(body);
		}
		catch (RuntimeException ex) {
			this.logger.log(System.Logger.Level.WARNING, "Thread factory failed; the pool makes its own thread", ex);
			return null;
		}
		if (thread == null) {
			this.logger.log(System.Logger.Level.WARNING, "Thread factory returned null; the pool makes its own thread");
			return null;
		}
		if (thread.getState() != Thread.State.NEW) {
			this.logger.log(System.Logger.Level.WARNING,
					"Thread factory returned a thread already started ({0}); the pool makes its own thread",
					thread.getName());
			return null;
		}
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

	/** A worker's run, which only the thread it was given to may perform. */
	private final class WorkerBody implements Runnable {

		private final Runnable worker;

		volatile @Nullable Thread owner;

		WorkerBody(Runnable worker) {
			this.worker = worker;
		}

		@Override
		public void run() {
			if (Thread.currentThread() == this.owner) {
				runWorker(this.worker);
			}
		}

	}

}
