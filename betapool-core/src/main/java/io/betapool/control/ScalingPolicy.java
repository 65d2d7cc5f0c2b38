package io.betapool.control;

import io.betapool.ControllerConfig;
import io.betapool.ScalingDecision;
import org.jspecify.annotations.Nullable;

/**
 * A control algorithm: from what one interval measured, the size the pool should have.
 *
 * <p>A policy may keep state between calls (a smoothed β, the time of its last resize), but its
 * decisions depend only on the sequence of samples it was given: time comes in the sample, never
 * from a clock. The controller calls {@link #decide} from a single thread, once per tick, and
 * applies {@link ScalingDecision#threadsAfter()}.
 */
public interface ScalingPolicy {

	/**
	 * Decides the size of the pool after this interval.
	 * @param sample what the interval measured
	 * @return the decision; its {@code threadsAfter} lies within the sample's bounds
	 */
	ScalingDecision decide(ControlSample sample);

	/**
	 * The β a decision based on this sample reports: the ratio this policy acts on.
	 */
	double blockingRatioOf(ControlSample sample);

	/**
	 * Whether the work is changing and the policy wants the next sample sooner than the monitor
	 * interval: the controller then ticks every {@code min(interval, fastTick())} until this turns false.
	 */
	default boolean isSettling() {
		return false;
	}

	/**
	 * The tick period the policy asks for while {@link #isSettling()}, and the shortest gap after a tick
	 * before a wake-up may bring the next one; read after every decision and on every wake-up. The
	 * controller never ticks slower than its monitor interval.
	 */
	default java.time.Duration fastTick() {
		return java.time.Duration.ofMillis(100);
	}

	/**
	 * Whether a submission that finds tasks queued should wake the controller for a tick now: the
	 * policy would grow the pool on that news. The default never asks.
	 */
	default boolean wakesOnBacklog() {
		return false;
	}

	/**
	 * Whether a β measured over a short look between ticks shows work of a new kind, worth a tick now
	 * rather than at the end of the interval. The controller looks at a few workers of a pool of any size
	 * (see {@code Controller}); the default never asks.
	 * @param blockingRatio the β of the look, corrected for run-queue delay
	 */
	default boolean isNewWork(double blockingRatio) {
		return false;
	}

	/**
	 * A new instance of the policy the configuration names.
	 */
	static ScalingPolicy of(ControllerConfig config) {
		return of(config, null);
	}

	/**
	 * A new instance of the policy the configuration names, sizing for its share of a {@link CpuBudget}
	 * ({@link io.betapool.Policy#ADAPTIVE}; the seed's rules know no budget).
	 * @param share the pool's place in the budget, or {@code null} to see every core
	 */
	static ScalingPolicy of(ControllerConfig config, CpuBudget.@Nullable Share share) {
		return switch (config.policy()) {
			case ADAPTIVE -> new AdaptivePolicy(config, AdaptiveSettings.of(config), share);
			case SEED -> new SeedPolicy(config);
		};
	}

}
