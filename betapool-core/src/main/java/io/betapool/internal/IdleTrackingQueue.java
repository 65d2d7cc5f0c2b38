package io.betapool.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.betapool.measure.Ticker;
import org.jspecify.annotations.Nullable;

/**
 * The task queue of a pool, which also measures how long each worker waits on it while it is empty:
 * the idle time that busy time is derived from. A worker that finds tasks waiting takes one without
 * reading a clock; only a worker that finds the queue empty stamps the start and end of its wait. (A
 * worker that saw a task which another took first waits unstamped; such waits are short and rare.)
 * It also counts the workers waiting on it, so that a submission can tell a backlog (more tasks queued
 * than workers waiting to take them) from a task on its way to an idle worker.
 */
final class IdleTrackingQueue extends LinkedBlockingQueue<Runnable> {

	private static final long serialVersionUID = 1L;

	private final transient WorkerRegistry registry;

	private final transient Ticker ticker;

	private final transient AtomicInteger idleWorkers = new AtomicInteger();

	/** Tasks a rejection handler running on this thread removed with {@link #poll()}; null when not watched. */
	private final transient ThreadLocal<@Nullable List<Runnable>> removedByHandler = new ThreadLocal<>();

	IdleTrackingQueue(int capacity, WorkerRegistry registry, Ticker ticker) {
		super(capacity);
		this.registry = registry;
		this.ticker = ticker;
	}

	/**
	 * Runs a rejection handler and returns the tasks it removed from the head of the queue, so that the
	 * pool can cancel the futures a discarding handler dropped. Workers never use {@link #poll()}.
	 */
	List<Runnable> watchRemovals(Runnable handler) {
		List<Runnable> removed = new ArrayList<>(1);
		List<Runnable> outer = this.removedByHandler.get();
		this.removedByHandler.set(removed);
		try {
			handler.run();
		}
		finally {
			if (outer != null) {
				outer.addAll(removed);
				this.removedByHandler.set(outer);
			}
			else {
				this.removedByHandler.remove();
			}
		}
		return removed;
	}

	@Override
	public @Nullable Runnable poll() {
		Runnable task = super.poll();
		List<Runnable> removed = this.removedByHandler.get();
		if (removed != null && task != null) {
			removed.add(task);
		}
		return task;
	}

	@Override
	public Runnable take() throws InterruptedException {
		if (!isEmpty()) {
			return super.take();
		}
		WorkerStats stats = this.registry.current();
		if (stats == null) {
			return super.take();
		}
		stats.idleStarted(this.ticker.read());
		this.idleWorkers.incrementAndGet();
		try {
			return super.take();
		}
		finally {
			this.idleWorkers.decrementAndGet();
			stats.idleEnded(this.ticker.read());
		}
	}

	@Override
	public @Nullable Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
		if (!isEmpty() || timeout <= 0) {
			return super.poll(timeout, unit);
		}
		WorkerStats stats = this.registry.current();
		if (stats == null) {
			return super.poll(timeout, unit);
		}
		stats.idleStarted(this.ticker.read());
		this.idleWorkers.incrementAndGet();
		try {
			return super.poll(timeout, unit);
		}
		finally {
			this.idleWorkers.decrementAndGet();
			stats.idleEnded(this.ticker.read());
		}
	}

	/**
	 * Whether tasks wait for a worker: more tasks are queued than workers wait on the queue to take them.
	 * A worker that was woken for a task counts as waiting until it has it, so a task on its way to an
	 * idle worker is no backlog.
	 */
	boolean hasBacklog() {
		return size() > this.idleWorkers.get();
	}

	/** The workers waiting on the queue now. */
	int idleWorkers() {
		return this.idleWorkers.get();
	}

}
