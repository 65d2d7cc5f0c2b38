package io.betapool.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory the process holds: on Linux its resident set size, {@code VmRSS} in
 * {@code /proc/self/status} (heap, thread stacks actually touched, metaspace, code cache and every
 * other mapping in RAM); elsewhere the JVM's committed heap plus committed non-heap memory from the
 * {@link MemoryMXBean}, which leaves thread stacks out.
 */
public final class ProcessMemory {

	private static final Path STATUS = Path.of("/proc/self/status");

	private static final boolean PROC = Files.isReadable(STATUS) && readRssKb() > 0;

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private ProcessMemory() {
	}

	/** What {@link #megabytes()} measures, in one sentence. */
	public static String source() {
		return PROC ? "process resident set size (VmRSS from /proc/self/status), sampled every 100 ms"
				: "JVM committed heap plus committed non-heap memory (thread stacks not included), sampled every 100 ms";
	}

	/** The memory held now, in MB. */
	public static double megabytes() {
		if (PROC) {
			long kb = readRssKb();
			if (kb > 0) {
				return kb / 1024.0;
			}
		}
		long committed = MEMORY.getHeapMemoryUsage().getCommitted() + MEMORY.getNonHeapMemoryUsage().getCommitted();
		return committed / (1024.0 * 1024.0);
	}

	private static long readRssKb() {
		try {
			for (String line : Files.readAllLines(STATUS)) {
				if (line.startsWith("VmRSS:")) {
					String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
					return Long.parseLong(parts[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		return -1;
	}

}
