package io.betapool.benchmarks.result;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The machine and JVM a run measured, read from runtime properties.
 *
 * @param cores processors available to the JVM
 * @param memoryMb physical memory in MB, or -1 when unknown
 * @param cpuModel the processor model, or {@code unknown}
 * @param os operating system name, version and architecture
 * @param jdk the Java runtime: vendor, version and VM
 * @param jvmFlags the JVM options the run was started with, those naming files left out
 * @param memorySource what the memory figures measure
 * @param clockSource the kernel's clock source (Linux), which sets the cost of {@link System#nanoTime()}
 * @param clockReadNanos the measured cost of one {@link System#nanoTime()} call, in nanoseconds
 */
public record MachineInfo(int cores, long memoryMb, String cpuModel, String os, String jdk, List<String> jvmFlags,
		String memorySource, String clockSource, double clockReadNanos) {

	private static final Path CLOCK_SOURCE = Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource");

	private static final int CLOCK_READS = 2_000_000;

	/** Written with the clock readings so that the timed loop cannot be removed. */
	private static volatile long sink;

	public MachineInfo {
		Objects.requireNonNull(cpuModel, "cpuModel");
		Objects.requireNonNull(os, "os");
		Objects.requireNonNull(jdk, "jdk");
		jvmFlags = List.copyOf(jvmFlags);
		Objects.requireNonNull(memorySource, "memorySource");
		Objects.requireNonNull(clockSource, "clockSource");
	}

	/** The machine this JVM runs on; {@code memorySource} says what the memory figures measure. */
	public static MachineInfo current(String memorySource) {
		return new MachineInfo(Runtime.getRuntime().availableProcessors(), physicalMemoryMb(), readCpuModel(),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
						+ System.getProperty("os.arch") + ")",
				System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version") + " ("
						+ System.getProperty("java.vm.name") + ")",
				ManagementFactory.getRuntimeMXBean()
					.getInputArguments()
					.stream()
					.filter((flag) -> !flag.contains("/") && !flag.contains("\\"))
					.toList(),
				memorySource, readClockSource(), measureClockRead());
	}

	/**
	 * The cost of one {@link System#nanoTime()} call: the median over five batches of
	 * {@value #CLOCK_READS} calls of {@code batch time / calls}.
	 */
	static double measureClockRead() {
		double[] costs = new double[5];
		for (int batch = 0; batch < costs.length; batch++) {
			long sum = 0;
			long start = System.nanoTime();
			for (int i = 0; i < CLOCK_READS; i++) {
				sum += System.nanoTime();
			}
			costs[batch] = (double) (System.nanoTime() - start) / CLOCK_READS;
			sink = sum;
		}
		Arrays.sort(costs);
		return costs[costs.length / 2];
	}

	private static String readClockSource() {
		try {
			return Files.isReadable(CLOCK_SOURCE) ? Files.readString(CLOCK_SOURCE).trim() : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** The Java feature version, such as 25. */
	public static int javaFeatureVersion() {
		return Runtime.version().feature();
	}

	/** Whether the heap was fixed and touched in advance, so that resident memory moves only with threads and off-heap use. */
	public boolean heapFixed() {
		String xms = flagValue("-Xms");
		String xmx = flagValue("-Xmx");
		return xms != null && xms.equals(xmx) && this.jvmFlags.contains("-XX:+AlwaysPreTouch");
	}

	private @Nullable String flagValue(String prefix) {
		for (String flag : this.jvmFlags) {
			if (flag.startsWith(prefix)) {
				return flag.substring(prefix.length()).toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

	private static long physicalMemoryMb() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getTotalMemorySize() / (1024 * 1024);
		}
		return -1;
	}

	private static String readCpuModel() {
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (Files.isReadable(cpuinfo)) {
			try (Stream<String> lines = Files.lines(cpuinfo)) {
				return lines.filter((line) -> line.startsWith("model name"))
					.map((line) -> line.substring(line.indexOf(':') + 1).trim())
					.findFirst()
					.orElse("unknown");
			}
			catch (IOException | RuntimeException ex) {
				return "unknown";
			}
		}
		return "unknown";
	}

}
