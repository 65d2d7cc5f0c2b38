package io.betapool;

/**
 * The control algorithm an {@link AdaptiveThreadPoolExecutor} sizes itself with.
 */
public enum Policy {

	/**
	 * The default: moves the pool towards the knee of a queueing model of threads sharing cores (a
	 * little above Goetz's {@code cores / (1 - β)}) using a blocking ratio corrected for time spent
	 * waiting for a core, grows only while work waits, probes past the knee only while throughput
	 * rises, probes fewer threads when something other than the cores (a lock) limits the work, follows
	 * a change of work within a few fast ticks, vetoes growth while other load saturates the CPU, and
	 * shrinks when idle or CPU-bound.
	 * See {@link io.betapool.control.AdaptivePolicy}.
	 */
	ADAPTIVE,

	/**
	 * The seed library's rules, reproduced for comparison: raw β, fixed steps, a
	 * stabilisation window. See {@link io.betapool.control.SeedPolicy}.
	 */
	SEED

}
