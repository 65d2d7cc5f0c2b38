package io.betapool.control;

import io.betapool.ControllerConfig;

/**
 * Whether tasks arrive faster than the pool completes them: a backlog that grows while work waits. A
 * closed loop's backlog holds still whatever the pool's size, so a backlog that grows is an open loop
 * whose arrivals outrun this size; no trial is needed to see that a larger pool pays, and none could
 * judge when tasks are long. Over the ticks since work began to wait at the current size {@code n}, with
 * {@code L} the tasks in the pool (queued and running) and {@code C} the tasks completed:
 * <pre>
 *   ΔL = L − L₀,   A = C + ΔL   (the tasks that arrived)
 *   outrun ⇔ C ≥ n  ∧  ΔL ≥ significance · √(A + C)
 *   asked  = ⌈n · A / C⌉                                  (Little's law: the threads that complete A)
 *   size   = min(asked, 2n + scaleUpStep, probeLimit · knee)
 * </pre>
 * Arrivals and completions are counts, each with a variance about its size, so {@code √(A + C)} is
 * the noise of their difference; the test uses the growth trials' level ({@code significance}), and
 * waits until every thread has completed a task on average, so that {@code C} measures the pool's
 * pace rather than a few tasks' luck. The window starts again when no work waits or the size changes.
 * Growth is bounded as all growth is: at most doubling, and no further past the knee than trials go.
 */
public final class BacklogTrend {

	private final ControllerConfig config;

	private final AdaptiveSettings settings;

	private int size = -1;

	private long inPoolAtStart;

	private long completed;

	private long asked;

	public BacklogTrend(ControllerConfig config, AdaptiveSettings settings) {
		this.config = config;
		this.settings = settings;
	}

	/**
	 * Takes one tick, with or without work waiting.
	 * @return the size the arrivals ask for, {@code asked}: {@code n} itself unless they outrun it
	 */
	public long observe(ControlSample sample) {
		int n = sample.currentThreads();
		long inPool = (long) sample.queueSize() + sample.activeThreads();
		this.asked = n;
		if (!sample.workIsWaiting() || n != this.size) {
			this.size = sample.workIsWaiting() ? n : -1;
			this.inPoolAtStart = inPool;
			this.completed = 0;
			return n;
		}
		this.completed += sample.intervalTasks();
		long grown = inPool - this.inPoolAtStart;
		long arrived = this.completed + grown;
		double noise = Math.sqrt((double) arrived + this.completed);
		if (this.completed >= n && grown > 0 && grown >= this.settings.significance() * noise) {
			this.asked = (long) Math.ceil((double) n * arrived / this.completed);
		}
		return this.asked;
	}

	/** The size to grow to from {@code n} threads with the given knee: {@code n} when the arrivals keep up. */
	public long size(int n, int knee) {
		long bound = Math.min(2L * n + this.config.scaleUpStep(), (long) this.settings.probeLimit() * knee);
		return Math.max(n, Math.min(this.asked, bound));
	}

}
