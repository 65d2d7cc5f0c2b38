package io.betapool.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU utilisation from the JDK's {@code com.sun.management.OperatingSystemMXBean}: the larger of
 * {@code getCpuLoad()} (the system's, or the container's where the JDK detects one) and this
 * process's share of its available processors.
 */
final class JdkCpuProbe implements CpuProbe {

	private final com.sun.management.OperatingSystemMXBean os;

	private final ProcessCpuShare process = new ProcessCpuShare();

	JdkCpuProbe() {
		OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
		this.os = (bean instanceof com.sun.management.OperatingSystemMXBean sun) ? sun : null;
	}

	@Override
	public double cpuPercent() {
		double system = Double.NaN;
		if (this.os != null) {
			double load = this.os.getCpuLoad();
			if (load >= 0) {
				system = 100.0 * load;
			}
		}
		return ProcessCpuShare.max(system, this.process.percent());
	}

}
