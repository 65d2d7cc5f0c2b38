package io.betapool.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.betapool.measure.SchedStat;
import io.betapool.measure.Ticker;
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

	private final Ticker ticker;

	WorkerRegistry(String namePrefix, @Nullable ThreadFactory userFactory, Ticker ticker, System.Logger logger) {
		this.namePrefix = namePrefix;
		this.userFactory = userFactory;
		this.ticker = ticker;
		this.logger = logger;
	}

	@Override
	public Thread newThread(Runnable worker) {
		WorkerBody body = new WorkerBody(worker);
		Thread thread = fromUserFactory(body);
		if (thread == null) {
			thread = new WorkerThread(body, this.namePrefix + this.sequence.incrementAndGet());
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
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (RuntimeException | Error ex) {
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
		Thread thread = Thread.currentThread();
		WorkerStats stats = new WorkerStats(thread, SchedStat.currentThreadId(), this.ticker.read());
		this.workers.add(stats);
		if (thread instanceof WorkerThread own) {
			own.stats = stats;
		}
		else {
			this.current.set(stats);
		}
		try {
			worker.run();
		}
		finally {
			this.current.remove();
			stats.retire(this.ticker.read());
		}
	}

	/**
	 * The stats of the calling worker, or {@code null} on a thread that is not one of ours: a field of the
	 * thread for the pool's own threads, a thread-local for threads from a user's factory.
	 */
	@Nullable WorkerStats current() {
		Thread thread = Thread.currentThread();
		if (thread instanceof WorkerThread own) {
			return own.stats;
		}
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

	/** A thread the pool made itself, carrying its worker's stats. */
	private static final class WorkerThread extends Thread {

		@Nullable WorkerStats stats;

		WorkerThread(Runnable body, String name) {
			super(body, name);
			setDaemon(false);
		}

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
