package io.betapool.control;

import java.time.Duration;

import io.betapool.ControllerConfig;

/**
 * The one sample fixture of the control tests: a fake ticker that starts near {@link Long#MAX_VALUE}
 * (so that every comparison of readings must subtract), and samples of a 2-core machine built from it.
 */
final class Samples {

	static final long TICK = Duration.ofMillis(500).toNanos();

	static final ControllerConfig CONFIG = ControllerConfig.builder().keepAlive(Duration.ofSeconds(10)).build();

	static final AdaptiveSettings SETTINGS = AdaptiveSettings.of(CONFIG);

	long now = Long.MAX_VALUE - 3 * TICK;

	/** Advances the fake ticker by one monitor interval and starts a sample at that time. */
	ControlSample.Builder next() {
		return at(TICK);
	}

	/** Advances the fake ticker by {@code nanos} and starts a sample at that time. */
	ControlSample.Builder at(long nanos) {
		this.now += nanos;
		return ControlSample.builder().nanoTime(this.now).cores(2).bounds(1, 256).cpuPercent(40).runQueueShare(0.0);
	}

	/** {@code threads} threads all busy with {@code queued} tasks queued, at β, completing {@code throughput} tasks/s. */
	ControlSample busy(int threads, int queued, double beta, double throughput) {
		return next().currentThreads(threads).activeThreads(threads).busyThreads(threads).queueSize(queued)
			.blockingRatio(beta).throughput(throughput).intervalTasks((long) (throughput * TICK / 1e9)).build();
	}

	/** {@code threads} threads of which {@code busy} are busy on average, nothing queued. */
	ControlSample idle(int threads, double busy, double beta) {
		return next().currentThreads(threads).activeThreads((int) busy).busyThreads(busy).queueSize(0)
			.queueWaitRatio(0.0).blockingRatio(busy > 0 ? beta : Double.NaN).throughput(busy * 100)
			.intervalTasks((long) (busy * 50)).build();
	}

}
