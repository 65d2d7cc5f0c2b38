package io.betapool.benchmarks.harness;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records the tasks of one cell: latencies in HdrHistogram {@link Recorder}s (wait-free for the worker
 * threads that record), one per phase of work, and completions per phase of the timeline.
 *
 * <p>What counts:
 * <ul>
 * <li>closed loop: tasks completing inside a measured segment, for throughput (per second of that
 * segment) and latency alike; tasks cut off by the end of the cell are not counted;</li>
 * <li>open loop: tasks due to arrive inside a measured segment. Their latency runs from their due
 * time, so that a late driver or a backed-up queue shows; those completed by the end of the drain
 * make the throughput, which therefore never exceeds the offered rate because of a backlog built
 * during warm-up; a task still unfinished when the cell ends is recorded with its age at that
 * moment, a lower bound of its latency.</li>
 * </ul>
 * Latencies and open-loop completions are kept per phase of work (the phase the task was submitted
 * in); closed-loop completions per phase of the timeline (the phase running when it completed).
 */
final class TaskRecorder {

	private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);

	private final long origin;

	private final Schedule schedule;

	private final boolean closedLoop;

	private final Recorder[] latency;

	private final LongAdder[] completions;

	private final LongAdder[] unfinished;

	private final LongAdder completedTotal = new LongAdder();

	private final LongAdder failures = new LongAdder();

	private final LongAdder pendingMeasured = new LongAdder();

	TaskRecorder(long origin, Schedule schedule, int phases, boolean closedLoop) {
		this.origin = origin;
		this.schedule = schedule;
		this.closedLoop = closedLoop;
		this.latency = new Recorder[phases];
		this.completions = new LongAdder[phases];
		this.unfinished = new LongAdder[phases];
		for (int i = 0; i < phases; i++) {
			this.latency[i] = new Recorder(HIGHEST_NANOS, 3);
			this.completions[i] = new LongAdder();
			this.unfinished[i] = new LongAdder();
		}
	}

	/** Notes a task submitted by an open loop, so that the drain knows what it waits for. */
	void submitted(Task task) {
		if (!this.closedLoop && this.schedule.isMeasured(task.submitNanos - this.origin)) {
			this.pendingMeasured.increment();
		}
	}

	/** Records a task that ended at {@code endNanos}. */
	void ended(Task task, long endNanos, Task.Outcome outcome) {
		if (outcome == Task.Outcome.INTERRUPTED) {
			if (!this.closedLoop) {
				unfinished(task, endNanos);
			}
			return;
		}
		this.completedTotal.increment();
		if (outcome == Task.Outcome.FAILED) {
			this.failures.increment();
		}
		long latencyNanos = Math.max(0, endNanos - task.submitNanos);
		if (this.closedLoop) {
			Schedule.Segment at = this.schedule.segmentAt(endNanos - this.origin);
			if (at != null && at.measured()) {
				this.completions[at.phase()].increment();
				record(task.phase, latencyNanos);
			}
		}
		else if (this.schedule.isMeasured(task.submitNanos - this.origin)) {
			this.completions[task.phase].increment();
			record(task.phase, latencyNanos);
			this.pendingMeasured.decrement();
		}
	}

	/** Records a measured open-loop task that never finished, with its age at {@code nowNanos}. */
	void unfinished(Task task, long nowNanos) {
		if (this.closedLoop || !this.schedule.isMeasured(task.submitNanos - this.origin)) {
			return;
		}
		record(task.phase, Math.max(0, nowNanos - task.submitNanos));
		this.unfinished[task.phase].increment();
		this.pendingMeasured.decrement();
	}

	private void record(int phase, long nanos) {
		this.latency[phase].recordValue(Math.min(nanos, HIGHEST_NANOS));
	}

	/** Measured open-loop tasks not yet ended. */
	long pendingMeasured() {
		return this.pendingMeasured.sum();
	}

	/** Tasks completed since the cell started. */
	long completedTotal() {
		return this.completedTotal.sum();
	}

	long failures() {
		return this.failures.sum();
	}

	/** The measured completions of {@code phase}, as described above. */
	long completions(int phase) {
		return this.completions[phase].sum();
	}

	long unfinished(int phase) {
		return this.unfinished[phase].sum();
	}

	/** The latencies of {@code phase}'s tasks recorded so far; call once, after the cell has ended. */
	Histogram latencies(int phase) {
		return this.latency[phase].getIntervalHistogram();
	}

}
