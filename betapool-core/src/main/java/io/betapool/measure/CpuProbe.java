package io.betapool.measure;

/**
 * Reads CPU utilisation for the saturation veto. Called once per controller tick, from the
 * controller thread only.
 */
public interface CpuProbe {

	/**
	 * CPU utilisation since the previous call, in percent of the processors available to this JVM;
	 * {@code NaN} when unknown.
	 */
	double cpuPercent();

	/**
	 * The best probe on this classpath: OSHI's when {@code oshi-core} is present, the JDK's otherwise.
	 * Both report the larger of the system's utilisation and this process's share of the processors
	 * it may use, so container CPU limits count.
	 */
	static CpuProbe create() {
		if (OshiCpuProbe.isAvailable()) {
			try {
				return new OshiCpuProbe();
			}
			catch (LinkageError | RuntimeException ex) {
				// OSHI is present but cannot run here: fall back to the JDK
			}
		}
		return new JdkCpuProbe();
	}

}
