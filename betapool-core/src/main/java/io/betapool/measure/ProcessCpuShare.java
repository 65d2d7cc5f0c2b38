package io.betapool.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * This process's CPU use as a share of the processors it may use:
 * {@code Δ processCpuTime / (Δ wall · availableProcessors)} in percent. {@code availableProcessors}
 * honours container CPU limits and affinity, so a process at its quota reads 100 %.
 */
final class ProcessCpuShare {

	private final com.sun.management.OperatingSystemMXBean os;

	private long lastCpuNanos = -1;

	private long lastWallNanos;

	ProcessCpuShare() {
		OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
		this.os = (bean instanceof com.sun.management.OperatingSystemMXBean sun) ? sun : null;
	}

	double percent() {
		if (this.os == null) {
			return Double.NaN;
		}
		long cpu = this.os.getProcessCpuTime();
		long wall = System.nanoTime();
		if (cpu < 0) {
			return Double.NaN;
		}
		double share = Double.NaN;
		if (this.lastCpuNanos >= 0 && wall - this.lastWallNanos > 0) {
			double processors = Runtime.getRuntime().availableProcessors();
			share = 100.0 * (cpu - this.lastCpuNanos) / ((wall - this.lastWallNanos) * processors);
		}
		this.lastCpuNanos = cpu;
		this.lastWallNanos = wall;
		return Double.isNaN(share) ? share : Math.max(0.0, Math.min(100.0, share));
	}

	static double max(double a, double b) {
		if (Double.isNaN(a)) {
			return b;
		}
		if (Double.isNaN(b)) {
			return a;
		}
		return Math.max(a, b);
	}

}
