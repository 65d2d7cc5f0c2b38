package io.betapool.control;

/**
 * The pool size at which the cores, not the threads, become the limit: the machine-repairman model
 * of a pool whose threads alternate between running on a core and waiting.
 *
 * <p>Goetz's law {@code cores / (1 − β)} is the size at which the cores would be fully used if every
 * thread found a free core the moment it needed one. They do not: threads become runnable at random
 * moments, so at that size some wait for a core while at other moments a core idles, and the pool
 * reaches only about 85–93 % of the cores' throughput. The model counts this. With {@code N} threads
 * on {@code m} cores, each running for an exponentially distributed time of mean {@code c} and then
 * waiting for a mean {@code b}, the ratio {@code r = b / c = β / (1 − β)}, the number {@code k} of
 * threads that want a core is a birth–death chain with
 * <pre>
 *   p(k) ∝ N! / (N − k)! · r^(−k) / ∏_{j=1..k} min(j, m)
 *   U(N) = Σ_k p(k) · min(k, m) / m          the share of the cores in use
 *   knee = min { N : U(N) ≥ {@value #TARGET_UTILISATION} }
 * </pre>
 * On 2 cores this gives 14 threads at β = 0.8 where Goetz gives 10, 25 at β = 0.9 (Goetz 20) and
 * 91 at β = 0.976 (Goetz 84); CPU-bound work (β = 0) still gets {@code cores}.
 */
public final class KneeModel {

	/** The share of the cores' throughput the knee must reach. */
	public static final double TARGET_UTILISATION = 0.97;

	private static final int IN_USE = 0;

	private static final int WANTING = 1;

	private KneeModel() {
	}

	/**
	 * Goetz's size at full utilisation, {@code ⌈cores / (1 − β)⌉}, at least 1; a size within 0.05 of
	 * a whole number rounds down, so pure CPU work at β = 0.02 on 2 cores gives 2, not 3.
	 * @param cores the cores the pool runs on
	 * @param beta the blocking ratio, in [0, 1]
	 * @return the size, {@link Long#MAX_VALUE} for β = 1
	 */
	public static long goetzSize(int cores, double beta) {
		if (beta >= 1.0) {
			return Long.MAX_VALUE;
		}
		double knee = cores / (1.0 - Math.max(0.0, beta));
		return Math.max(1, (long) Math.ceil(knee - 0.05));
	}

	/**
	 * The share of the cores in use with {@code threads} threads of blocking ratio {@code beta}.
	 * @param cores the cores, at least 1
	 * @param beta the blocking ratio, in [0, 1]
	 * @param threads the pool size, at least 1
	 * @return U(N) in [0, 1]
	 */
	public static double utilisation(int cores, double beta, int threads) {
		return moments(cores, beta, threads)[IN_USE] / cores;
	}

	/**
	 * The share of their busy time that {@code threads} threads, all busy, spend waiting for a core
	 * because of their own number: {@code Σ p(k) · max(k − m, 0) / N}. The controller measures the same
	 * share (run-queue delay over busy time); a larger share measured means other load shares the cores.
	 * @param cores the cores, at least 1
	 * @param beta the blocking ratio, in [0, 1]
	 * @param threads the pool size, at least 1
	 * @return the share in [0, 1]
	 */
	public static double runQueueShare(int cores, double beta, int threads) {
		double[] moments = moments(cores, beta, threads);
		return (moments[WANTING] - moments[IN_USE]) / threads;
	}

	/** The expected cores in use, Σ p(k) · min(k, m), and threads wanting a core, Σ p(k) · k. */
	private static double[] moments(int cores, double beta, int threads) {
		if (beta <= 0.0) {
			return new double[] { Math.min(threads, cores), threads };
		}
		if (beta >= 1.0) {
			return new double[] { 0.0, 0.0 };
		}
		double logInverseRatio = Math.log((1.0 - beta) / beta);
		// log p(k) up to a constant; the sums factor out the largest term to stay finite
		double logWeight = 0.0;
		double max = 0.0;
		for (int k = 1; k <= threads; k++) {
			logWeight += logStep(cores, threads, k, logInverseRatio);
			max = Math.max(max, logWeight);
		}
		logWeight = 0.0;
		double total = Math.exp(-max);
		double inUse = 0.0;
		double wanting = 0.0;
		for (int k = 1; k <= threads; k++) {
			logWeight += logStep(cores, threads, k, logInverseRatio);
			double weight = Math.exp(logWeight - max);
			total += weight;
			inUse += weight * Math.min(k, cores);
			wanting += weight * k;
		}
		return new double[] { inUse / total, wanting / total };
	}

	/** log p(k) − log p(k − 1). */
	private static double logStep(int cores, int threads, int k, double logInverseRatio) {
		return Math.log(threads - k + 1) + logInverseRatio - Math.log(Math.min(k, cores));
	}

	/**
	 * The knee on a share of the cores: the knee of all {@code cores}, scaled by
	 * {@code share / cores}, {@code max(1, ⌈knee · share / cores − 0.05⌉)}. The knee is nearly proportional
	 * to the cores for blocking work, and for CPU-bound work it is the share itself, rounded up: a pool
	 * given 1.5 of 2 cores for CPU-bound work gets 2 threads, one given 1 core gets 1.
	 * @param share the cores the pool may use, at most {@code cores}
	 * @param cores the cores of the machine, at least 1
	 * @param beta the blocking ratio, in [0, 1]
	 * @param limit the largest size of interest, at least 1
	 */
	public static int kneeSize(double share, int cores, double beta, int limit) {
		if (!(share < cores)) {
			return kneeSize(cores, beta, limit);
		}
		// the knee of all the cores, searched far enough that its share can still reach the limit (a share
		// below a sixteenth of the cores is treated as one)
		double part = Math.max(share, cores / 16.0);
		int wide = (int) Math.min(16L * limit, (long) Math.ceil(limit * cores / part));
		int knee = kneeSize(cores, beta, Math.max(limit, wide));
		return (int) Math.max(1, Math.min(limit, Math.ceil(knee * Math.max(0, share) / cores - 0.05)));
	}

	/**
	 * The smallest size whose utilisation reaches {@link #TARGET_UTILISATION}, searched up to
	 * {@code limit}.
	 * @param cores the cores, at least 1
	 * @param beta the blocking ratio, in [0, 1]
	 * @param limit the largest size of interest, at least 1
	 * @return the knee, at most {@code limit} (which is returned when even it falls short)
	 */
	public static int kneeSize(int cores, double beta, int limit) {
		if (beta >= 1.0) {
			return limit;
		}
		// Goetz's size is near the knee: below it for small pools, just above it for very large ones
		int low = 0;
		int high = (int) Math.min(limit, goetzSize(cores, beta));
		while (utilisation(cores, beta, high) < TARGET_UTILISATION) {
			if (high == limit) {
				return limit;
			}
			low = high;
			high = (int) Math.min(limit, 2L * high);
		}
		// invariant: U(low) < target ≤ U(high), with U(0) = 0
		while (high - low > 1) {
			int middle = low + (high - low) / 2;
			if (utilisation(cores, beta, middle) >= TARGET_UTILISATION) {
				high = middle;
			}
			else {
				low = middle;
			}
		}
		return high;
	}

}
