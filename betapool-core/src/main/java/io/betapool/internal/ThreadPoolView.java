package io.betapool.internal;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A read-only {@link ThreadPoolExecutor} face of a pool, for instrumentation that only understands
 * that class (Micrometer's {@code ExecutorServiceMetrics} binds its {@code executor.*} gauges to it).
 * Getters read the real pool; everything that would run a task or change the pool throws
 * {@link UnsupportedOperationException}, so the controller stays the only one that resizes. The view
 * itself never starts a thread.
 */
final class ThreadPoolView extends ThreadPoolExecutor {

	private final ThreadPoolExecutor pool;

	private final IntSupplier maxWorkers;

	ThreadPoolView(ThreadPoolExecutor pool, IntSupplier maxWorkers) {
		super(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1));
		this.pool = pool;
		this.maxWorkers = maxWorkers;
	}

	@Override
	public int getPoolSize() {
		return this.pool.getPoolSize();
	}

	@Override
	public int getActiveCount() {
		return this.pool.getActiveCount();
	}

	@Override
	public int getLargestPoolSize() {
		return this.pool.getLargestPoolSize();
	}

	@Override
	public long getTaskCount() {
		return this.pool.getTaskCount();
	}

	@Override
	public long getCompletedTaskCount() {
		return this.pool.getCompletedTaskCount();
	}

	/** The size the controller set. */
	@Override
	public int getCorePoolSize() {
		return this.pool.getCorePoolSize();
	}

	/** The most threads the controller may choose, not the size it has set now. */
	@Override
	public int getMaximumPoolSize() {
		return this.maxWorkers.getAsInt();
	}

	@Override
	public long getKeepAliveTime(TimeUnit unit) {
		return this.pool.getKeepAliveTime(unit);
	}

	@Override
	public BlockingQueue<Runnable> getQueue() {
		return this.pool.getQueue();
	}

	@Override
	public boolean isShutdown() {
		return this.pool.isShutdown();
	}

	@Override
	public boolean isTerminating() {
		return this.pool.isTerminating();
	}

	@Override
	public boolean isTerminated() {
		return this.pool.isTerminated();
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.pool.awaitTermination(timeout, unit);
	}

	@Override
	public void execute(Runnable command) {
		throw readOnly();
	}

	@Override
	public void shutdown() {
		throw readOnly();
	}

	@Override
	public List<Runnable> shutdownNow() {
		throw readOnly();
	}

	@Override
	public void setCorePoolSize(int corePoolSize) {
		throw readOnly();
	}

	@Override
	public void setMaximumPoolSize(int maximumPoolSize) {
		throw readOnly();
	}

	@Override
	public void setKeepAliveTime(long time, TimeUnit unit) {
		throw readOnly();
	}

	@Override
	public void allowCoreThreadTimeOut(boolean value) {
		throw readOnly();
	}

	@Override
	public void setThreadFactory(ThreadFactory threadFactory) {
		throw readOnly();
	}

	@Override
	public void setRejectedExecutionHandler(RejectedExecutionHandler handler) {
		throw readOnly();
	}

	@Override
	public boolean prestartCoreThread() {
		throw readOnly();
	}

	@Override
	public int prestartAllCoreThreads() {
		throw readOnly();
	}

	@Override
	public void purge() {
		throw readOnly();
	}

	@Override
	public boolean remove(Runnable task) {
		throw readOnly();
	}

	@Override
	public String toString() {
		return "read-only view of " + this.pool;
	}

	private static UnsupportedOperationException readOnly() {
		return new UnsupportedOperationException("This view of a betapool executor is read-only");
	}

}
