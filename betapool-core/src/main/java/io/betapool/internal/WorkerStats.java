package io.betapool.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.betapool.measure.SchedStat;
import org.jspecify.annotations.Nullable;

/**
 * What one worker thread has done, written by that worker alone and read by the controller.
 *
 * <p><b>Busy time</b> is the worker's life minus its idle time, and idle time is measured only where
 * the worker is about to block on an empty queue — so a worker that goes from task to task reads no
 * clock for it. <b>Latency and execution time</b> are timed for a sample of the tasks (see
 * {@link InstrumentedThreadPool}) and kept in a ring of the latest {@value #RING} samples.
 *
 * <p>Single writer: the fields of the first group are written only by the worker, with release stores
 * (a plain store on x86), and read by the controller with acquire loads. The ring is written before
 * {@code sampled} is released, so a controller that reads {@code sampled} first sees the samples up to
 * it; a sample the worker overwrites while the controller reads is replaced by a newer one, which a
 * statistical window tolerates. The fields of the second group belong to the controller thread.
 */
final class WorkerStats {

	static final int RING = 256;

	private static final VarHandle COMPLETED;

	private static final VarHandle FAILED;

	private static final VarHandle SAMPLED;

	private static final VarHandle IDLE_NANOS;

	private static final VarHandle IDLE_SINCE;

	private static final VarHandle RETIRED_AT;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			COMPLETED = lookup.findVarHandle(WorkerStats.class, "completed", long.class);
			FAILED = lookup.findVarHandle(WorkerStats.class, "failed", long.class);
			SAMPLED = lookup.findVarHandle(WorkerStats.class, "sampled", long.class);
			IDLE_NANOS = lookup.findVarHandle(WorkerStats.class, "idleNanos", long.class);
			IDLE_SINCE = lookup.findVarHandle(WorkerStats.class, "idleSince", long.class);
			RETIRED_AT = lookup.findVarHandle(WorkerStats.class, "retiredAt", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	final Thread thread;

	final long linuxThreadId;

	/** Ticker reading when the worker started. */
	final long bornAt;

	// written by the worker

	private long completed;

	private long failed;

	private long sampled;

	private long idleNanos;

	/** When the worker began to wait on an empty queue, or 0 while it is not waiting; a 0 reading is nudged to 1. */
	private long idleSince;

	/** When the worker ended, or 0 while it lives. */
	private long retiredAt;

	/** Start of the running task when it is sampled; read by the worker only. */
	long sampleStart;

	/** Thread CPU time at the start of the running task, for task-metrics listeners only. */
	long cpuAtStart;

	final long[] latencyRing = new long[RING];

	final long[] executionRing = new long[RING];

	// owned by the controller

	@Nullable SchedStat schedStat;

	boolean schedStatTried;

	long seenCompleted;

	long seenSampled;

	long seenFailed;

	long seenBusyNanos;

	long seenCpuNanos;

	long seenRunQueueNanos;

	/** When the look baselines below were taken (0: never); a look counts a worker only from the last one. */
	long lookedAt;

	long lookCompleted;

	long lookBusyNanos;

	long lookCpuNanos;

	long lookRunQueueNanos;

	WorkerStats(Thread thread, long linuxThreadId, long bornAt) {
		this.thread = thread;
		this.linuxThreadId = linuxThreadId;
		this.bornAt = bornAt;
	}

	// worker side

	void idleStarted(long now) {
		IDLE_SINCE.setRelease(this, (now == 0) ? 1L : now);
	}

	void idleEnded(long now) {
		long since = this.idleSince;
		if (since != 0) {
			IDLE_NANOS.setRelease(this, this.idleNanos + Math.max(0, now - since));
			IDLE_SINCE.setRelease(this, 0L);
		}
	}

	/** Counts a task that was not sampled. */
	void taskEnded(boolean failure) {
		if (failure) {
			FAILED.setRelease(this, this.failed + 1);
		}
		COMPLETED.setRelease(this, this.completed + 1);
	}

	/**
	 * Records the end of a sampled task, started at {@link #sampleStart}.
	 * @return its execution time in nanoseconds
	 */
	long sampledTaskEnded(long now, long submitNanos, boolean failure) {
		long execution = Math.max(0, now - this.sampleStart);
		long latency = Math.max(execution, now - submitNanos);
		long n = this.sampled;
		int slot = (int) (n & (RING - 1));
		this.latencyRing[slot] = latency;
		this.executionRing[slot] = execution;
		SAMPLED.setRelease(this, n + 1);
		taskEnded(failure);
		return execution;
	}

	void retire(long now) {
		idleEnded(now);
		RETIRED_AT.setRelease(this, (now == 0) ? 1L : now);
	}

	// controller side

	long completed() {
		return (long) COMPLETED.getAcquire(this);
	}

	long failed() {
		return (long) FAILED.getAcquire(this);
	}

	long sampled() {
		return (long) SAMPLED.getAcquire(this);
	}

	boolean isRetired() {
		return (long) RETIRED_AT.getAcquire(this) != 0;
	}

	/** Whether the worker waits on an empty queue. */
	boolean isIdle() {
		return (long) IDLE_SINCE.getAcquire(this) != 0 && !isRetired();
	}

	/** Whether the worker is running tasks rather than waiting on an empty queue or gone. */
	boolean isBusy() {
		return (long) IDLE_SINCE.getAcquire(this) == 0 && !isRetired();
	}

	/**
	 * Busy nanoseconds from the worker's start up to {@code now}: its life so far minus its idle time.
	 * Reads retry until they see no idle period end in between, so an idle period is never counted twice.
	 */
	long busyNanos(long now) {
		while (true) {
			long before = (long) IDLE_NANOS.getAcquire(this);
			long since = (long) IDLE_SINCE.getAcquire(this);
			long retired = (long) RETIRED_AT.getAcquire(this);
			long after = (long) IDLE_NANOS.getAcquire(this);
			if (before == after) {
				long end = (retired != 0) ? retired : now;
				long idle = before + ((since != 0 && end - since > 0) ? end - since : 0);
				return Math.max(0, (end - this.bornAt) - idle);
			}
		}
	}

}
