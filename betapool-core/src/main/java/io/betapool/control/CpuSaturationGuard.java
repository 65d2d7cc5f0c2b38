package io.betapool.control;

import io.betapool.ControllerConfig;

/**
 * Vetoes growth when the cores are saturated by more than this pool: the JVM's analogue of the seed's
 * GIL veto. With {@code s} the share of their busy time the pool's workers spent runnable but waiting
 * for a core, and {@code ŝ(n)} the share the knee model expects of {@code n} threads at β̂:
 * <pre>
 *   saturated ⇔ cpu ≥ cpuUpperThreshold ∧ s − ŝ(n) ≥ busyCoreRunQueueShare
 *             ∨ cpu ≥ cpuLowerThreshold ∧ s − ŝ(n) ≥ saturatedRunQueueShare
 * </pre>
 * A busy CPU alone does not veto: an I/O pool beside a CPU-bound one still gets a core when its threads
 * need one, and its growth costs nothing. Without scheduler statistics (non-Linux) {@code s} is
 * unknown, and the veto falls back to the seed's rule, {@code cpu ≥ cpuUpperThreshold}.
 */
public final class CpuSaturationGuard {

	private final ControllerConfig config;

	private final AdaptiveSettings settings;

	public CpuSaturationGuard(ControllerConfig config, AdaptiveSettings settings) {
		this.config = config;
		this.settings = settings;
	}

	/**
	 * Whether more threads would only compete for saturated cores.
	 * @param sample the tick
	 * @param beta the smoothed β
	 */
	public boolean isSaturated(ControlSample sample, double beta) {
		double cpu = sample.cpuPercent();
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

	/** Whether the platform gives no run-queue delay, so that saturation must retire threads as the seed does. */
	public static boolean isBlind(ControlSample sample) {
		return Double.isNaN(sample.runQueueShare());
	}

}
