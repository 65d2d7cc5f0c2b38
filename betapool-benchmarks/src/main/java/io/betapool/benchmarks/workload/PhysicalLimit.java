package io.betapool.benchmarks.workload;

/**
 * The physical limit of a machine on a workload: the most tasks per second it can complete, whatever
 * the pool, for tasks that use {@code c} of CPU time and block for {@code b}, of which {@code s} runs
 * under one lock shared by all tasks, with {@code N} tasks in progress at once:
 * <pre>
 *   X ≤ min(cores / c, N / (c + b), 1 / s)
 *   N* = (c + b) · min(cores / c, 1 / s)      the knee: the least N that reaches the limit
 * </pre>
 * Without a lock ({@code s = 0}) the knee is Goetz's size {@code cores / (1 − β)} with
 * β = b / (c + b). Times are in milliseconds, throughput in tasks per second; a zero time lifts its
 * bound.
 */
public final class PhysicalLimit {

	private static final double MILLIS_PER_SECOND = 1000.0;

	private PhysicalLimit() {
	}

	/**
	 * {@code min(cores / c, N / (c + b), 1 / s)} in tasks per second.
	 * @param cores processors available
	 * @param cpuMs CPU time of a task, c
	 * @param blockMs blocking time of a task, b
	 * @param serialMs the part of c spent holding a lock shared by every task, s
	 * @param concurrency tasks in progress at once, N; {@link Double#POSITIVE_INFINITY} when unbounded
	 */
	public static double throughput(int cores, double cpuMs, double blockMs, double serialMs, double concurrency) {
		check(cores, cpuMs, blockMs, serialMs);
		if (!(concurrency >= 0)) {
			throw new IllegalArgumentException("concurrency must be >= 0, but was " + concurrency);
		}
		double limit = ceiling(cores, cpuMs, serialMs);
		double wall = cpuMs + blockMs;
		if (wall > 0 && concurrency != Double.POSITIVE_INFINITY) {
			limit = Math.min(limit, concurrency * MILLIS_PER_SECOND / wall);
		}
		return limit;
	}

	/**
	 * The knee {@code N* = (c + b) · min(cores / c, 1 / s)}: the least number of tasks in progress at
	 * which the limit no longer grows; infinite when neither CPU nor lock bounds the work.
	 */
	public static double kneeThreads(int cores, double cpuMs, double blockMs, double serialMs) {
		check(cores, cpuMs, blockMs, serialMs);
		return (cpuMs + blockMs) * ceiling(cores, cpuMs, serialMs) / MILLIS_PER_SECOND;
	}

	private static double ceiling(int cores, double cpuMs, double serialMs) {
		double limit = Double.POSITIVE_INFINITY;
		if (cpuMs > 0) {
			limit = cores * MILLIS_PER_SECOND / cpuMs;
		}
		if (serialMs > 0) {
			limit = Math.min(limit, MILLIS_PER_SECOND / serialMs);
		}
		return limit;
	}

	private static void check(int cores, double cpuMs, double blockMs, double serialMs) {
		if (cores < 1) {
			throw new IllegalArgumentException("cores must be >= 1, but was " + cores);
		}
		if (!(cpuMs >= 0) || !(blockMs >= 0) || !(serialMs >= 0)) {
			throw new IllegalArgumentException(
					"times must be >= 0, but were c=" + cpuMs + ", b=" + blockMs + ", s=" + serialMs);
		}
		if (serialMs > cpuMs) {
			throw new IllegalArgumentException("serialMs must not exceed cpuMs, but was " + serialMs + " > " + cpuMs);
		}
	}

}
