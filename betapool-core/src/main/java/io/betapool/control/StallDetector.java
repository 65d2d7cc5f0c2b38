package io.betapool.control;

import java.util.Locale;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a pool that has stopped making progress with no way to grow out of it — typically tasks
 * waiting on other tasks of the same pool at its maximum size, the classic thread-pool deadlock.
 *
 * <p>A tick is stalled when the pool is at {@code maxWorkers}, every thread is running a task, tasks are
 * queued, and no task completed during the interval. After {@value #TICKS_TO_REPORT} stalled ticks in a
 * row the detector reports it; it reports again only after a tick that is not stalled. It cannot tell
 * a deadlock from tasks that are merely slower than {@value #TICKS_TO_REPORT} intervals, so its report
 * says "possible".
 */
public final class StallDetector {

	/** Stalled ticks in a row before the stall is reported. */
	public static final int TICKS_TO_REPORT = 2;

	private int stalledTicks;

	private long stalledSinceNanos;

	/**
	 * Observes one sample.
	 * @return a decision to record in place of the policy's, when a stall is reported now; else {@code null}
	 */
	public @Nullable ScalingDecision observe(ControlSample sample, double beta) {
		boolean stalled = sample.currentThreads() >= sample.maxWorkers() && sample.activeThreads() >= sample.currentThreads()
				&& sample.queueSize() > 0 && sample.intervalTasks() == 0;
		if (!stalled) {
			this.stalledTicks = 0;
			return null;
		}
		if (this.stalledTicks++ == 0) {
			this.stalledSinceNanos = sample.nanoTime();
		}
		if (this.stalledTicks != TICKS_TO_REPORT) {
			return null;
		}
		return new ScalingDecision(sample.timestamp(), sample.currentThreads(), sample.currentThreads(), beta,
				sample.cpuPercent(), 0.0, ScalingAction.HOLD, String.format(Locale.ROOT,
						"Possible deadlock: all %d workers have been busy for at least %d ms without completing a task "
								+ "while %d tasks wait, and the pool is at its maximum of %d threads; tasks that wait "
								+ "on other tasks of the same pool need a larger maximum or a pool of their own.",
						sample.currentThreads(), (sample.nanoTime() - this.stalledSinceNanos) / 1_000_000,
						sample.queueSize(), sample.maxWorkers()));
	}

}
