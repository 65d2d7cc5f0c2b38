package io.betapool.measure;

import java.util.concurrent.CompletableFuture;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import org.jspecify.annotations.Nullable;

/**
 * CPU utilisation from OSHI: the system's load between two ticks, or this process's share of its
 * available processors where that is larger (inside a container the host's load does not show the
 * quota). Loaded only when {@code oshi-core} is on the classpath.
 *
 * <p>OSHI's processor is made once per JVM, in the background, and shared by every pool: the first
 * making loads native code and reads the system's description, a few hundred milliseconds on a cold
 * JVM, and a controller that waited for it would leave a cold pool unsized for that long. Until it is
 * ready, or if it cannot be made, the probe answers with the JDK's figures.
 */
final class OshiCpuProbe implements CpuProbe {

	private static @Nullable CompletableFuture<CentralProcessor> shared;

	private final CompletableFuture<CentralProcessor> processor;

	private final CpuProbe fallback;

	private final ProcessCpuShare process = new ProcessCpuShare();

	private long @Nullable [] previousTicks;

	OshiCpuProbe() {
		this(sharedProcessor(), new JdkCpuProbe());
	}

	/**
	 * @param processor OSHI's processor, once made
	 * @param fallback the probe that answers until it is, or for good if it cannot be made
	 */
	OshiCpuProbe(CompletableFuture<CentralProcessor> processor, CpuProbe fallback) {
		this.processor = processor;
		this.fallback = fallback;
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

	/** The JVM's one OSHI processor, made on first request off the caller's thread. */
	static synchronized CompletableFuture<CentralProcessor> sharedProcessor() {
		if (shared == null) {
			shared = CompletableFuture.supplyAsync(() -> new SystemInfo().getHardware().getProcessor());
		}
		return shared;
	}

	@Override
	public double cpuPercent() {
		CentralProcessor cpu = ready();
		if (cpu == null) {
			return this.fallback.cpuPercent();
		}
		long[] ticks = cpu.getSystemCpuLoadTicks();
		long[] previous = this.previousTicks;
		this.previousTicks = ticks;
		if (previous == null) {
			// the first reading since OSHI became ready: no interval of its own yet
			this.process.percent();
			return this.fallback.cpuPercent();
		}
		double load = cpu.getSystemCpuLoadBetweenTicks(previous);
		double system = (load >= 0) ? 100.0 * load : Double.NaN;
		return ProcessCpuShare.max(system, this.process.percent());
	}

	/** OSHI's processor when it has been made; {@code null} while it is being made or when it could not be. */
	private @Nullable CentralProcessor ready() {
		if (!this.processor.isDone() || this.processor.isCompletedExceptionally()) {
			return null;
		}
		return this.processor.join();
	}

}
