package io.betapool.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.betapool.measure.SchedStat;
import org.jspecify.annotations.Nullable;

/**
 * What one worker thread has done, written by that worker alone and read by the controller.
 *
 * <p>Single writer: every field in the first group is written only by the worker, with release
 * stores (a plain store on x86), and read by the controller with acquire loads. The rings are
 * written before {@code completed} is released, so a controller that reads {@code completed} first
 * sees the samples up to it; a sample the worker overwrites while the controller reads is replaced by
 * a newer one, which a statistical window tolerates. The fields of the second group belong to the
 * controller thread.
 */
final class WorkerStats {

	static final int RING = 256;

	private static final VarHandle COMPLETED;

	private static final VarHandle FAILED;

	private static final VarHandle BUSY_NANOS;

	private static final VarHandle CURRENT_START;

	private static final VarHandle RETIRED;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			COMPLETED = lookup.findVarHandle(WorkerStats.class, "completed", long.class);
			FAILED = lookup.findVarHandle(WorkerStats.class, "failed", long.class);
			BUSY_NANOS = lookup.findVarHandle(WorkerStats.class, "busyNanos", long.class);
			CURRENT_START = lookup.findVarHandle(WorkerStats.class, "currentStart", long.class);
			RETIRED = lookup.findVarHandle(WorkerStats.class, "retired", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	final Thread thread;

	final long linuxThreadId;

	// written by the worker

	private long completed;

	private long failed;

	private long busyNanos;

	/** Start of the running task, or 0 when idle; a start that reads 0 is nudged to 1. */
	private long currentStart;

	private boolean retired;

	final long[] latencyRing = new long[RING];

	final long[] executionRing = new long[RING];

	/** Thread CPU time at the start of the running task, for task-metrics listeners only. */
	long cpuAtStart;

	// owned by the controller

	@Nullable SchedStat schedStat;

	boolean schedStatTried;

	long seenCompleted;

	long seenBusyNanos;

	long seenCpuNanos;

	long seenRunQueueNanos;

	long seenFailed;

	WorkerStats(Thread thread, long linuxThreadId) {
		this.thread = thread;
		this.linuxThreadId = linuxThreadId;
	}

	// worker side

	void taskStarted(long now) {
		CURRENT_START.setRelease(this, (now == 0) ? 1 : now);
	}

	/**
	 * Records the end of the running task.
	 * @return its execution time in nanoseconds
	 */
	long taskEnded(long now, long submitNanos, boolean failure) {
		long start = this.currentStart;
		long execution = (start != 0 && now - start > 0) ? now - start : 0;
		long latency = Math.max(execution, now - submitNanos);
		long n = this.completed;
		int slot = (int) (n & (RING - 1));
		this.latencyRing[slot] = latency;
		this.executionRing[slot] = execution;
		BUSY_NANOS.setRelease(this, this.busyNanos + execution);
		CURRENT_START.setRelease(this, 0L);
		if (failure) {
			FAILED.setRelease(this, this.failed + 1);
		}
		COMPLETED.setRelease(this, n + 1);
		return execution;
	}

	void retire() {
		RETIRED.setRelease(this, true);
	}

	// controller side

	long completed() {
		return (long) COMPLETED.getAcquire(this);
	}

	long failed() {
		return (long) FAILED.getAcquire(this);
	}

	boolean isRetired() {
		return (boolean) RETIRED.getAcquire(this);
	}

	boolean isBusy() {
		return (long) CURRENT_START.getAcquire(this) != 0;
	}

	/**
	 * Busy nanoseconds up to {@code now}: completed tasks plus the running one so far. Reads retry until
	 * they see no task end in between, so a task is never counted twice.
	 */
	long busyNanos(long now) {
		while (true) {
			long before = (long) BUSY_NANOS.getAcquire(this);
			long start = (long) CURRENT_START.getAcquire(this);
			long after = (long) BUSY_NANOS.getAcquire(this);
			if (before == after) {
				return before + ((start != 0 && now - start > 0) ? now - start : 0);
			}
		}
	}

}
