package io.betapool.control;

import java.time.Duration;
import java.util.Locale;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a pool that has stopped making progress with no way to grow out of it — typically tasks
 * waiting on other tasks of the same pool at its maximum size, the classic thread-pool deadlock.
 *
 * <p>A tick is stalled when the pool is not growing (it is at {@code maxWorkers}, or the policy keeps its
 * size), every thread is running a task, tasks are queued, and no task completed during the interval.
 * The detector reports a stall once it has lasted {@value #TICKS_TO_REPORT} ticks and
 * <pre>
 *   max(2 · interval, 3 · p99 execution time of the recent tasks)        once a task has completed
 *   {@value #COLD_INTERVALS} · interval                                   before any task has
 * </pre>
 * A stall three times longer than the tasks' own 99th percentile is not the tasks being slow; a pool
 * that has not completed a task yet has shown no task duration at all, so it gets a long grace
 * instead, far longer than a cold start takes. A completion or a growth ends the stall; the detector
 * reports again only after a tick that is not stalled. It cannot tell a deadlock from tasks that are
 * merely that slow, so its report says "possible".
 */
public final class StallDetector {

	/** Stalled ticks in a row before the stall is reported. */
	public static final int TICKS_TO_REPORT = 2;

	/** Monitor intervals a pool that has never completed a task must stall before it is reported. */
	public static final int COLD_INTERVALS = 10;

	private final long intervalNanos;

	private int stalledTicks;

	private boolean reported;

	private long stalledSinceNanos;

	/**
	 * @param interval the monitor interval: the shortest stall reported is two of them, from the first
	 *        stalled tick after the pool last grew or completed a task
	 */
	public StallDetector(Duration interval) {
		this.intervalNanos = interval.toNanos();
	}

	/**
	 * Observes one sample and the size the policy chose for it.
	 * @param threadsAfter the size after this tick's decision
	 * @param p99ExecutionNanos the 99th percentile of the recent tasks' execution time; 0 when none is known
	 * @return a decision to record in place of the policy's, when a stall is reported now; else {@code null}
	 */
	public @Nullable ScalingDecision observe(ControlSample sample, double beta, int threadsAfter,
			long p99ExecutionNanos) {
		boolean growing = threadsAfter > sample.currentThreads();
		boolean stalled = !growing && sample.activeThreads() >= sample.currentThreads() && sample.queueSize() > 0
				&& sample.intervalTasks() == 0;
		if (!stalled) {
			this.stalledTicks = 0;
			this.reported = false;
			return null;
		}
		if (this.stalledTicks++ == 0) {
			this.stalledSinceNanos = sample.nanoTime();
		}
		long shortest = (sample.completedTasks() > 0) ? Math.max(2 * this.intervalNanos, 3 * p99ExecutionNanos)
				: COLD_INTERVALS * this.intervalNanos;
		if (this.reported || this.stalledTicks < TICKS_TO_REPORT || sample.nanoTime() - this.stalledSinceNanos < shortest) {
			return null;
		}
		this.reported = true;
		String notGrowing = (sample.currentThreads() >= sample.maxWorkers())
				? "the pool is at its maximum of " + sample.maxWorkers() + " threads"
				: "the pool is not growing";
		return new ScalingDecision(sample.timestamp(), sample.currentThreads(), sample.currentThreads(), beta,
				sample.cpuPercent(), 0.0, ScalingAction.HOLD, String.format(Locale.ROOT,
						"Possible deadlock: all %d workers have been busy for at least %d ms without completing a task "
								+ "while %d tasks wait, and %s; tasks that wait on other tasks of the same pool need a "
								+ "larger pool or a pool of their own.",
						sample.currentThreads(), (sample.nanoTime() - this.stalledSinceNanos) / 1_000_000,
						sample.queueSize(), notGrowing));
	}

}
