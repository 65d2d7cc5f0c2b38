package io.betapool.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import io.betapool.measure.BlockingRatio;
import io.betapool.measure.RecentWindow;
import io.betapool.measure.SchedStat;

/**
 * Reads what every worker did since the last reading: tasks, failures, busy time, CPU time and
 * run-queue delay, and the task samples it timed. Per worker and reading, one read of its scheduler
 * statistics (Linux, ≈ 1–2 µs through a kept-open channel) or of its CPU time (the JDK fallback).
 * Nothing here touches a task's path; used by the controller thread only.
 *
 * <p>A running worker's busy time is its life minus its idle time, so β is known for tasks that have
 * not completed yet: a cold pool reads it from its first running task.
 */
final class WorkerSampler {

	/** Less busy time than this in an interval is too little to judge β by. */
	static final long MIN_BUSY_NANOS = 1_000_000;

	private final WorkerRegistry registry;

	private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();

	/** The workers read by the current look. */
	private final WorkerStats[] looked;

	/** When the look baselines were taken; 0 when there are none. */
	private long lookBaseline;

	/**
	 * @param registry the pool's workers
	 * @param lookWorkers the most workers a look reads
	 */
	WorkerSampler(WorkerRegistry registry, int lookWorkers) {
		this.registry = registry;
		this.looked = new WorkerStats[lookWorkers];
	}

	/** Sums over the workers for one interval. */
	static final class Interval {

		long tasks;

		long failed;

		long busy;

		long cpu;

		long runQueue;

		boolean runQueueKnown = true;

		long queueWaitSum;

		long executionSum;

		int active;

		/** β of the interval as the seed measures it, {@code 1 − cpu / busy}; NaN with too little busy time. */
		double rawBlockingRatio() {
			return (this.busy >= MIN_BUSY_NANOS) ? BlockingRatio.of(this.cpu, this.busy) : Double.NaN;
		}

		/** β corrected for run-queue delay where the platform reports it; else the raw ratio. */
		double blockingRatio() {
			if (this.busy < MIN_BUSY_NANOS) {
				return Double.NaN;
			}
			return this.runQueueKnown ? BlockingRatio.corrected(this.cpu, this.busy, this.runQueue)
					: rawBlockingRatio();
		}

		/** The share of busy time spent waiting for a core; NaN where unknown. */
		double runQueueShare() {
			return (this.runQueueKnown && this.busy >= MIN_BUSY_NANOS) ? Math.min(1.0, (double) this.runQueue / this.busy)
					: Double.NaN;
		}

	}

	/**
	 * Reads every worker since the last call, feeding the timed samples to {@code window}, and forgets
	 * the workers that ended.
	 */
	Interval read(long now, RecentWindow window) {
		Interval sums = new Interval();
		for (WorkerStats w : this.registry.workers()) {
			boolean retired = w.isRetired();
			long sampled = w.sampled();
			long fresh = Math.min(sampled - w.seenSampled, WorkerStats.RING);
			for (long j = sampled - fresh; j < sampled; j++) {
				int slot = (int) (j & (WorkerStats.RING - 1));
				long latency = w.latencyRing[slot];
				long execution = w.executionRing[slot];
				window.record(latency, execution);
				sums.queueWaitSum += Math.max(0, latency - execution);
				sums.executionSum += execution;
			}
			w.seenSampled = sampled;
			long completed = w.completed();
			sums.tasks += completed - w.seenCompleted;
			w.seenCompleted = completed;
			long failed = w.failed();
			sums.failed += failed - w.seenFailed;
			w.seenFailed = failed;
			long busy = w.busyNanos(now);
			long busyDelta = Math.max(0, busy - w.seenBusyNanos);
			w.seenBusyNanos = busy;
			if (w.isBusy()) {
				sums.active++;
			}
			// a worker that ended takes its last CPU figures with it; leave its busy time out too, or β reads high
			if (readCpu(w, sums)) {
				sums.busy += busyDelta;
			}
			if (retired && !w.thread.isAlive()) {
				SchedStat stat = w.schedStat;
				if (stat != null) {
					stat.close();
				}
				this.registry.forget(w);
			}
		}
		return sums;
	}

	/**
	 * What the workers did since the last {@link #read}, without taking it: the tasks they completed,
	 * and their timed samples into {@code latencies} and {@code executions} (as many as fit).
	 * @return the tasks completed, and in {@code counts[0]} the samples copied
	 */
	long peek(long[] latencies, long[] executions, int[] counts) {
		long tasks = 0;
		int n = 0;
		for (WorkerStats w : this.registry.workers()) {
			tasks += w.completed() - w.seenCompleted;
			long sampled = w.sampled();
			long fresh = Math.min(sampled - w.seenSampled, WorkerStats.RING);
			for (long j = sampled - fresh; j < sampled && n < latencies.length; j++) {
				int slot = (int) (j & (WorkerStats.RING - 1));
				latencies[n] = w.latencyRing[slot];
				executions[n] = w.executionRing[slot];
				n++;
			}
		}
		counts[0] = n;
		return tasks;
	}

	/**
	 * β of at most {@code lookWorkers} workers (of the constructor) since the look baselines were taken, corrected for run-queue
	 * delay, or NaN when the look has too little to judge yet: fewer than {@code tasksPerWorker} tasks
	 * completed per worker looked at, or less than {@value #MIN_BUSY_NANOS} ns of busy time. Every worker
	 * takes its tasks from the same queue, so a few show the β of all. The baselines move only with a look
	 * that judged, so a look at tasks longer than the looks' period spans as many periods as its tasks
	 * need; baselines older than {@code maxWindowNanos} are retaken, and the look reads nothing.
	 */
	double look(long now, long maxWindowNanos, int tasksPerWorker) {
		boolean fresh = this.lookBaseline != 0 && now - this.lookBaseline <= maxWindowNanos;
		if (fresh && !anyTaskCompletedSinceLook()) {
			// an idle pool, or tasks longer than the look so far: nothing to judge, and no system call for it
			return Double.NaN;
		}
		long tasks = 0;
		long busy = 0;
		long cpu = 0;
		long runQueue = 0;
		int workers = 0;
		int read = 0;
		for (WorkerStats w : this.registry.workers()) {
			if (read == this.looked.length) {
				break;
			}
			SchedStat stat = w.schedStat;
			if (stat == null || !stat.read()) {
				w.lookedAt = 0;
				continue;
			}
			this.looked[read++] = w;
			if (fresh && w.lookedAt == this.lookBaseline) {
				tasks += w.completed() - w.lookCompleted;
				busy += Math.max(0, w.busyNanos(now) - w.lookBusyNanos);
				cpu += Math.max(0, stat.cpuNanos() - w.lookCpuNanos);
				runQueue += Math.max(0, stat.runQueueNanos() - w.lookRunQueueNanos);
				workers++;
			}
		}
		boolean judged = workers > 0 && busy >= MIN_BUSY_NANOS && tasks >= (long) tasksPerWorker * workers;
		if (!fresh || judged || workers == 0) {
			moveLookBaselines(now, read);
		}
		Arrays.fill(this.looked, 0, read, null);
		return judged ? BlockingRatio.corrected(cpu, busy, runQueue) : Double.NaN;
	}

	/** Takes the look baselines of the {@code read} workers just looked at, at {@code now}. */
	private void moveLookBaselines(long now, int read) {
		for (int i = 0; i < read; i++) {
			WorkerStats w = this.looked[i];
			SchedStat stat = w.schedStat;
			if (stat != null) {
				w.lookedAt = now;
				w.lookCompleted = w.completed();
				w.lookBusyNanos = w.busyNanos(now);
				w.lookCpuNanos = stat.cpuNanos();
				w.lookRunQueueNanos = stat.runQueueNanos();
			}
		}
		this.lookBaseline = now;
	}

	/** Forgets the look baselines: the next look only takes new ones. */
	void forgetLook() {
		this.lookBaseline = 0;
	}

	/** Whether any worker with a look baseline completed a task since it was taken. */
	private boolean anyTaskCompletedSinceLook() {
		for (WorkerStats w : this.registry.workers()) {
			if (w.lookedAt == this.lookBaseline && w.completed() != w.lookCompleted) {
				return true;
			}
		}
		return false;
	}

	/** Adds the worker's CPU time since the last reading; false when it could not be read (the thread ended). */
	private boolean readCpu(WorkerStats w, Interval sums) {
		if (!w.schedStatTried) {
			w.schedStatTried = true;
			w.schedStat = SchedStat.open(w.linuxThreadId);
		}
		SchedStat stat = w.schedStat;
		if (stat != null) {
			if (stat.read()) {
				sums.cpu += Math.max(0, stat.cpuNanos() - w.seenCpuNanos);
				sums.runQueue += Math.max(0, stat.runQueueNanos() - w.seenRunQueueNanos);
				w.seenCpuNanos = stat.cpuNanos();
				w.seenRunQueueNanos = stat.runQueueNanos();
				return true;
			}
			return false;
		}
		sums.runQueueKnown = false;
		long cpu = this.threadBean.isThreadCpuTimeSupported() ? this.threadBean.getThreadCpuTime(w.thread.getId())
				: -1;
		if (cpu >= 0) {
			sums.cpu += Math.max(0, cpu - w.seenCpuNanos);
			w.seenCpuNanos = cpu;
			return true;
		}
		return false;
	}

	/** Closes every worker's scheduler statistics; the pool has ended. */
	void closeAll() {
		for (WorkerStats w : this.registry.workers()) {
			SchedStat stat = w.schedStat;
			if (stat != null) {
				stat.close();
				w.schedStat = null;
			}
		}
	}

}
