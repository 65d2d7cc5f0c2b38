package io.betapool.control;

import io.betapool.ControllerConfig;

/**
 * Limits growth when the cores are saturated by more than this pool: the JVM's analogue of the seed's
 * GIL veto. The CPU that the other pools of this pool's {@link CpuBudget} used does not count: the
 * budget has divided those cores already. With {@code s} the share of their busy time the pool's workers spent runnable but waiting
 * for a core, and {@code ŝ(n)} the share the knee model expects of {@code n} threads at β̂:
 * <pre>
 *   saturated ⇔ cpu ≥ cpuUpperThreshold ∧ s − ŝ(n) ≥ busyCoreRunQueueShare
 *             ∨ cpu ≥ cpuLowerThreshold ∧ s − ŝ(n) ≥ saturatedRunQueueShare
 * </pre>
 * A saturated CPU does not stop all growth: each added thread asks for {@code 1 − β̂} of a core, and
 * the pool may add as many as the cores still give, the idle share plus the slack the knee itself
 * leaves:
 * <pre>
 *   budget = max(cores, n + ⌊(cores · (1 − cpu/100) + cores · (1 − U*)) / (1 − β̂)⌋),   U* = {@value KneeModel#TARGET_UTILISATION}
 * </pre>
 * A pool may always have one thread per core: that many never oversubscribe the cores on its own
 * account, and any fixed pool sized for CPU work has them.
 * So CPU-bound work gets no thread from a saturated CPU, while an I/O pool beside a CPU-bound one still
 * grows: its threads need a core for a few per cent of their time.
 *
 * <p>The pool's <em>own</em> threads can fill the cores too, whatever β reads: a monitor held by a
 * preempted thread makes the others wait, and that wait reads as blocking. The knee is where the cores,
 * not the threads, become the limit, so a pool whose workers use that much CPU is at its knee or past it:
 * <pre>
 *   cores full ⇔ busy · (1 − β_raw) ≥ U* · cores          (the CPU time the workers used, in cores)
 * </pre> Without scheduler statistics
 * (non-Linux) {@code s} is unknown, and saturation falls back to the seed's rule,
 * {@code cpu ≥ cpuUpperThreshold}.
 */
public final class CpuSaturationGuard {

	private final ControllerConfig config;

	private final AdaptiveSettings settings;

	public CpuSaturationGuard(ControllerConfig config, AdaptiveSettings settings) {
		this.config = config;
		this.settings = settings;
	}

	/**
	 * Whether more threads would only compete for cores saturated by load other than this pool and the
	 * pools that share its {@link CpuBudget}.
	 * @param sample the tick
	 * @param beta the smoothed β
	 * @param budgetedCores the cores the other pools of this pool's budget used: not other load
	 */
	public boolean isSaturated(ControlSample sample, double beta, double budgetedCores) {
		double cpu = otherThanBudgeted(sample, budgetedCores);
		if (Double.isNaN(cpu)) {
			return false;
		}
		double share = sample.runQueueShare();
		if (Double.isNaN(share)) {
			return cpu >= this.config.cpuUpperThreshold();
		}
		double excess = share - KneeModel.runQueueShare(sample.cores(), beta, sample.currentThreads());
		if (cpu >= this.config.cpuUpperThreshold()) {
			return excess >= this.settings.busyCoreRunQueueShare();
		}
		return cpu >= this.config.cpuLowerThreshold() && excess >= this.settings.saturatedRunQueueShare();
	}

	/**
	 * The largest size the cores allow this pool: unlimited unless {@link #isSaturated saturated}.
	 * @param sample the tick
	 * @param beta the smoothed β
	 * @param budgetedCores the cores the other pools of this pool's budget used: not other load
	 */
	public long budget(ControlSample sample, double beta, double budgetedCores) {
		if (!isSaturated(sample, beta, budgetedCores)) {
			return Long.MAX_VALUE;
		}
		double idle = sample.cores() * Math.max(0, 1 - otherThanBudgeted(sample, budgetedCores) / 100);
		double slack = sample.cores() * (1 - KneeModel.TARGET_UTILISATION);
		double perThread = Math.max(1e-3, 1 - beta);
		return Math.max(sample.cores(), sample.currentThreads() + (long) Math.floor((idle + slack) / perThread));
	}

	/**
	 * Whether the pool's own workers used at least {@link KneeModel#TARGET_UTILISATION} of the cores it
	 * may use in the tick: then more threads cannot add throughput, whatever β̂ says.
	 * @param sample the tick
	 * @param cores the cores the pool may use: all of them, or its share of a {@link CpuBudget}
	 */
	public static boolean poolFillsCores(ControlSample sample, double cores) {
		return coresUsed(sample) >= KneeModel.TARGET_UTILISATION * cores;
	}

	/** The cores the pool's workers used in the tick, {@code busy · (1 − β_raw)}; NaN when unknown. */
	public static double coresUsed(ControlSample sample) {
		return sample.busyThreads() * (1 - sample.rawBlockingRatio());
	}

	/** The CPU percent of the tick less what the other pools of the budget used. */
	private static double otherThanBudgeted(ControlSample sample, double budgetedCores) {
		double cpu = sample.cpuPercent();
		return (budgetedCores > 0) ? Math.max(0, cpu - 100 * budgetedCores / sample.cores()) : cpu;
	}

	/** Whether the platform gives no run-queue delay, so that saturation must retire threads as the seed does. */
	public static boolean isBlind(ControlSample sample) {
		return Double.isNaN(sample.runQueueShare());
	}

}
