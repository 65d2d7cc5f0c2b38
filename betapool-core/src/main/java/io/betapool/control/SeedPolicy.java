package io.betapool.control;

import io.betapool.ControllerConfig;
import io.betapool.ScalingDecision;

import static io.betapool.control.Decisions.hold;
import static io.betapool.control.Decisions.percent;
import static io.betapool.control.Decisions.ratio;
import static io.betapool.control.Decisions.resize;
import static io.betapool.control.Decisions.veto;

/**
 * The seed library's controller, reproduced for comparison.
 *
 * <p>Each tick, once {@code warmupTaskCount} tasks have completed and no resize happened within the
 * {@code stabilizationWindow}, with β the raw blocking ratio {@code 1 - cpu / wall} and {@code cpu}
 * the CPU utilisation:
 * <pre>
 *   β &gt; betaHighThreshold and cpu &lt; cpuUpperThreshold  →  n + scaleUpStep
 *   β &lt; betaLowThreshold                               →  n − scaleDownStep
 *   cpu &gt; cpuUpperThreshold                             →  n − scaleDownStep
 *   otherwise                                           →  n  (recorded as a veto when work is queued)
 * </pre>
 * clamped to {@code [minWorkers, maxWorkers]}.
 *
 * <p>The seed averages β over its last 100 tasks, each timed with a CPU-time call; here β is the
 * same ratio taken over the interval from per-thread samples, which weights tasks by their duration
 * and costs nothing per task. Like the seed's, this β counts time spent waiting for a core as
 * blocking, so under CPU oversubscription it rises and the policy keeps growing — the flaw
 * {@link AdaptivePolicy} corrects.
 */
public final class SeedPolicy implements ScalingPolicy {

	private final ControllerConfig config;

	private boolean resized;

	private long lastResizeNanos;

	public SeedPolicy(ControllerConfig config) {
		this.config = config;
	}

	@Override
	public double blockingRatioOf(ControlSample sample) {
		return sample.rawBlockingRatio();
	}

	@Override
	public ScalingDecision decide(ControlSample sample) {
		double beta = blockingRatioOf(sample);
		int n = sample.currentThreads();
		if (sample.completedTasks() < this.config.warmupTaskCount()) {
			return hold(sample, beta, "Warming up: " + sample.completedTasks() + " of "
					+ this.config.warmupTaskCount() + " tasks completed.");
		}
		long sinceResize = sample.nanoTime() - this.lastResizeNanos;
		if (this.resized && sinceResize < this.config.stabilizationWindow().toNanos()) {
			return hold(sample, beta, "Stabilising: the last resize was " + Decisions.millis(sinceResize) + " ago.");
		}
		if (Double.isNaN(beta)) {
			return hold(sample, beta, "No task ran during the interval.");
		}
		double cpu = Double.isNaN(sample.cpuPercent()) ? 0.0 : sample.cpuPercent();
		ScalingDecision decision;
		if (beta > this.config.betaHighThreshold() && cpu < this.config.cpuUpperThreshold()) {
			int target = Decisions.clamp((long) n + this.config.scaleUpStep(), sample);
			decision = (target == n) ? hold(sample, beta, "At the maximum of " + n + " threads.")
					: resize(sample, beta, target, "β " + ratio(beta) + " is above " + this.config.betaHighThreshold()
							+ " and CPU " + percent(cpu) + " below " + percent(this.config.cpuUpperThreshold())
							+ ": adding " + (target - n) + " threads.");
		}
		else if (beta < this.config.betaLowThreshold()) {
			decision = shrink(sample, beta, "β " + ratio(beta) + " is below " + this.config.betaLowThreshold());
		}
		else if (cpu > this.config.cpuUpperThreshold()) {
			decision = shrink(sample, beta,
					"CPU " + percent(cpu) + " is above " + percent(this.config.cpuUpperThreshold()));
		}
		else if (sample.queueSize() > 0) {
			decision = veto(sample, beta, sample.queueSize() + " tasks wait, but β " + ratio(beta)
					+ " is not above " + this.config.betaHighThreshold() + ": growth vetoed.");
		}
		else {
			decision = hold(sample, beta, "β " + ratio(beta) + " and CPU " + percent(cpu) + " call for no change.");
		}
		if (decision.threadsAfter() != n) {
			this.resized = true;
			this.lastResizeNanos = sample.nanoTime();
		}
		return decision;
	}

	private ScalingDecision shrink(ControlSample sample, double beta, String why) {
		int n = sample.currentThreads();
		int target = Decisions.clamp((long) n - this.config.scaleDownStep(), sample);
		if (target == n) {
			return hold(sample, beta, why + ", but the pool is at its minimum of " + n + " threads.");
		}
		return resize(sample, beta, target, why + ": retiring " + (n - target) + " threads.");
	}

}
