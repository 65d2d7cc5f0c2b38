package io.betapool;

/**
 * The control algorithm an {@link AdaptiveThreadPoolExecutor} sizes itself with.
 */
public enum Policy {

	/**
	 * The default: moves the pool towards the Goetz size {@code cores / (1 - β)} using a
	 * blocking ratio corrected for time spent waiting for a core, grows only while work waits,
	 * vetoes growth while the CPU is saturated, and shrinks when idle or CPU-bound.
	 * See {@link io.betapool.control.AdaptivePolicy}.
	 */
	ADAPTIVE,

	/**
	 * The seed library's rules, reproduced for comparison: raw β, fixed steps, a
	 * stabilisation window. See {@link io.betapool.control.SeedPolicy}.
	 */
	SEED

}
