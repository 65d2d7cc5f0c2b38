package io.betapool.measure;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

/**
 * CPU utilisation from OSHI: the system's load between two ticks, or this process's share of its
 * available processors where that is larger (inside a container the host's load does not show the
 * quota). Loaded only when {@code oshi-core} is on the classpath.
 */
final class OshiCpuProbe implements CpuProbe {

	private final CentralProcessor processor;

	private final ProcessCpuShare process = new ProcessCpuShare();

	private long[] previousTicks;

	OshiCpuProbe() {
		this.processor = new SystemInfo().getHardware().getProcessor();
		this.previousTicks = this.processor.getSystemCpuLoadTicks();
	}

	static boolean isAvailable() {
		try {
			Class.forName("oshi.SystemInfo", false, OshiCpuProbe.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	@Override
	public double cpuPercent() {
		long[] ticks = this.processor.getSystemCpuLoadTicks();
		double load = this.processor.getSystemCpuLoadBetweenTicks(this.previousTicks);
		this.previousTicks = ticks;
		double system = (load >= 0) ? 100.0 * load : Double.NaN;
		return ProcessCpuShare.max(system, this.process.percent());
	}

}
