package io.betapool.benchmarks.twopools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.betapool.benchmarks.report.Section;

/**
 * Writes the two-pool section: {@code benchmarks/two-pools.md} ({@link Section#TWO_POOLS}),
 * {@code benchmarks/two-pools.csv} (every figure), and the section into {@code benchmarks.md} between its
 * markers, where the harness's report keeps it too.
 */
public final class TwoPoolReport {

	private TwoPoolReport() {
	}

	/** Writes the files and returns the section's path. */
	static Path write(Path out, TwoPoolResults results, String command, Instant started, Duration took)
			throws IOException {
		Path section = out.resolve(Section.TWO_POOLS.file());
		Files.createDirectories(section.getParent());
		Files.writeString(section, render(results, command, started, took));
		Files.writeString(out.resolve("benchmarks/two-pools.csv"), csv(results));
		Path report = out.resolve("benchmarks.md");
		if (Files.exists(report)) {
			Files.writeString(report, Section.TWO_POOLS.into(Files.readString(report), Files.readString(section)));
		}
		return section;
	}

	static String render(TwoPoolResults results, String command, Instant started, Duration took) {
		StringBuilder md = new StringBuilder();
		TwoPoolResults.Alone cpu = results.bestCpu();
		TwoPoolResults.Alone io = results.bestIo();
		md.append("## Two pools in one process\n\n");
		md.append(String.format(Locale.ROOT, "Measured %s in %.1f min on %d cores, %s. Command: `%s`. Every figure: "
				+ "[`benchmarks/two-pools.csv`](benchmarks/two-pools.csv).%n%n",
				DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(started.atOffset(ZoneOffset.UTC)),
				took.toMillis() / 60_000.0, results.cores(),
				System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"), command));
		md.append(String.format(Locale.ROOT, "Two pools share one JVM: a CPU-heavy one (%.0f ms of CPU per task, a "
				+ "closed loop of %d) and an I/O-heavy one (%.0f ms of waiting, then %.1f ms of CPU; a closed loop of "
				+ "%d). Every cell runs %.1f s from cold; the side-by-side setups take turns for %d rounds, and each "
				+ "figure below is the median of its rounds. Alone, the CPU pool's best static size is %d threads "
				+ "(%,.0f tasks/s) and the I/O pool's is %d (%,.0f tasks/s); the ratios below are each pool's "
				+ "throughput side by side over that. betapool pools run 1–256 threads with the default "
				+ "configuration: with one CPU budget (the default, `CpuBudget.shared()`; here a budget of their "
				+ "own) or each on its own (`CpuBudget.none()`).%n%n",
				TwoPools.CPU_MS, TwoPools.CPU_OUTSTANDING, TwoPools.IO_WAIT_MS, TwoPools.IO_CPU_MS,
				TwoPools.IO_OUTSTANDING, results.seconds(), TwoPools.ROUNDS, cpu.size(), cpu.figures().tasksPerSecond(),
				io.size(), io.figures().tasksPerSecond()));
		md.append("| setup | threads, both pools | CPU pool: threads · × tasks/s alone · p99 ms | "
				+ "I/O pool: threads · × tasks/s alone · p99 ms |\n|---|---:|---:|---:|\n");
		for (SetupResult setup : results.setups()) {
			md.append("| ").append(setup.setup()).append(" | ").append(number(setup.meanTotalThreads(), 1))
				.append(" | ").append(pool(setup.cpu(), cpu.figures())).append(" | ").append(pool(setup.io(), io.figures()))
				.append(" |\n");
		}
		md.append("\nAlone, at each static size (tasks/s · p99 ms): CPU pool ");
		for (TwoPoolResults.Alone alone : results.cpuAlone()) {
			md.append(alone.size()).append(": ").append(number(alone.figures().tasksPerSecond(), 0)).append(" · ")
				.append(number(alone.figures().p99Ms(), 1)).append("; ");
		}
		md.append("I/O pool ");
		for (TwoPoolResults.Alone alone : results.ioAlone()) {
			md.append(alone.size()).append(": ").append(number(alone.figures().tasksPerSecond(), 0)).append(" · ")
				.append(number(alone.figures().p99Ms(), 1)).append("; ");
		}
		md.setLength(md.length() - 2);
		md.append(". Virtual threads share one carrier pool, so their threads are counted once, for both.\n\n");
		return md.toString();
	}

	private static String pool(PoolFigures side, PoolFigures alone) {
		return number(side.meanThreads(), 1) + " · " + number(side.tasksPerSecond() / alone.tasksPerSecond(), 2)
				+ " · " + number(side.p99Ms(), 1);
	}

	private static String number(double value, int decimals) {
		return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "—";
	}

	static String csv(TwoPoolResults results) {
		StringBuilder csv = new StringBuilder("setup,pool,size,tasks_per_s,p99_ms,mean_threads,mean_threads_both\n");
		for (TwoPoolResults.Alone alone : results.cpuAlone()) {
			row(csv, "alone", "cpu", alone.size(), alone.figures(), Double.NaN);
		}
		for (TwoPoolResults.Alone alone : results.ioAlone()) {
			row(csv, "alone", "io", alone.size(), alone.figures(), Double.NaN);
		}
		for (SetupResult setup : results.setups()) {
			row(csv, setup.setup(), "cpu", 0, setup.cpu(), setup.meanTotalThreads());
			row(csv, setup.setup(), "io", 0, setup.io(), setup.meanTotalThreads());
		}
		return csv.toString();
	}

	private static void row(StringBuilder csv, String setup, String pool, int size, PoolFigures f, double both) {
		csv.append('"').append(setup.replace("\"", "\"\"")).append("\",").append(pool).append(',')
			.append((size > 0) ? String.valueOf(size) : "").append(',').append(plain(f.tasksPerSecond())).append(',')
			.append(plain(f.p99Ms())).append(',').append(plain(f.meanThreads())).append(',').append(plain(both))
			.append('\n');
	}

	private static String plain(double value) {
		return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4g", value) : "";
	}

}
