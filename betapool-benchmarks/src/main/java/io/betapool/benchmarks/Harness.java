package io.betapool.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.betapool.benchmarks.contender.VirtualThreads;
import io.betapool.benchmarks.harness.Campaign;
import io.betapool.benchmarks.harness.Durations;
import io.betapool.benchmarks.harness.ProcessMemory;
import io.betapool.benchmarks.harness.ScenarioCampaign;
import io.betapool.benchmarks.report.Commands;
import io.betapool.benchmarks.report.ReportWriter;
import io.betapool.benchmarks.report.ScenarioFiles;
import io.betapool.benchmarks.result.MachineInfo;
import io.betapool.benchmarks.result.RunInfo;
import io.betapool.benchmarks.result.RunResults;
import io.betapool.benchmarks.result.ScenarioResult;
import io.betapool.benchmarks.result.ScenarioSet;
import io.betapool.benchmarks.result.WorkloadResults;
import io.betapool.benchmarks.workload.Bursts;
import io.betapool.benchmarks.workload.Calibration;
import io.betapool.benchmarks.workload.Scenario;
import io.betapool.benchmarks.workload.WorkloadSpec;
import io.betapool.benchmarks.workload.Workloads;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark harness: in one JVM run, drives every fixed workload through every contender under a
 * closed loop and open loops, and the scenarios of a seed set from a cold start, and writes the report.
 * From the repository root:
 * <pre>
 *   mvn -B -q -pl betapool-benchmarks -am package -DskipTests
 *   java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -jar betapool-benchmarks/target/benchmarks.jar --out docs
 *   java -jar betapool-benchmarks/target/benchmarks.jar --out docs --scenarios 30 --seed 1001
 *   java -jar betapool-benchmarks/target/benchmarks.jar --quick --out betapool-benchmarks/target/quick
 * </pre>
 * See {@link RunOptions} for every option. The exit status is 0 when the report was written.
 */
public final class Harness {

	private static final Duration CALIBRATION_WARMUP = Duration.ofSeconds(2);

	private final RunOptions options;

	private final PrintStream out;

	Harness(RunOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (RunOptions.wantsHelp(args)) {
			System.out.print(RunOptions.USAGE);
			System.exit(0);
			return;
		}
		RunOptions options;
		try {
			options = RunOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(RunOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.reuseBaselines() != null) {
			try {
				baselines(options, ScenarioFiles.read(options.reuseBaselines()));
			}
			catch (IllegalArgumentException ex) {
				System.err.println(ex.getMessage());
				System.exit(2);
				return;
			}
		}
		Path report = new Harness(options, System.out).run(String.join(" ", args));
		System.out.println("Report written to " + report);
		System.exit(0);
	}

	/** Runs every cell and writes the report; returns the report's path. */
	Path run(String arguments) throws IOException, InterruptedException {
		Instant started = Instant.now();
		ScenarioSet baselines = (this.options.reuseBaselines() != null)
				? baselines(this.options, ScenarioFiles.read(this.options.reuseBaselines())) : null;
		Duration warmup = this.options.durations().warmup();
		Calibration calibration = (baselines != null) ? new Calibration(baselines.iterationsPerCpuMs())
				: Calibration.measure((warmup.compareTo(CALIBRATION_WARMUP) < 0)
						? Duration.ofMillis(Math.max(100, warmup.toMillis())) : CALIBRATION_WARMUP);
		List<WorkloadSpec> workloads = this.options.fixedWorkloads() ? selected(Workloads.standard(calibration,
				this.options.quick() ? Workloads.QUICK_BURST_SCALE : 1))
				: List.of();
		int cores = Runtime.getRuntime().availableProcessors();
		MachineInfo machine = MachineInfo.current(ProcessMemory.source());
		String jvmFlags = String.join(" ", machine.jvmFlags());
		String command = "java " + (jvmFlags.isEmpty() ? "" : jvmFlags + " ") + "-jar " + Commands.JAR
				+ (arguments.isBlank() ? "" : " " + arguments);
		List<WorkloadResults> results = new ArrayList<>();
		if (!workloads.isEmpty()) {
			Campaign campaign = new Campaign(this.options.durations(), this.options.sizes(), this.options.refine(),
					this.options.loads(), this.options.rounds(), cores, this.options.seed(), this.out, workloads.size(),
					this.options.keepAlive());
			this.out.printf(Locale.ROOT,
					"BetaPool benchmarks: %d workloads, about %d cells, roughly %.0f minutes on %d cores%s%n",
					workloads.size(), campaign.expectedCells(), estimateMinutes(workloads, campaign.expectedCells()), cores,
					VirtualThreads.available() ? "" : " (no virtual threads on this JDK)");
			for (WorkloadSpec spec : workloads) {
				results.add(campaign.run(spec));
			}
		}
		List<ScenarioSet> sets = new ArrayList<>();
		if (this.options.scenarios() > 0) {
			sets.add(scenarios(calibration, cores, command, baselines));
		}
		RunInfo info = new RunInfo(command, started, Duration.between(started, Instant.now()), this.options.quick(),
				machine, calibration.iterationsPerMs(), settings(!workloads.isEmpty(), (baselines != null) ? baselines.seconds()
						: this.options.scenarioTime().toNanos() / 1e9));
		return ReportWriter.write(this.options.out(), new RunResults(info, results, sets));
	}

	/** Runs the scenario set of the options. */
	private ScenarioSet scenarios(Calibration calibration, int cores, String command, @Nullable ScenarioSet baselines)
			throws InterruptedException {
		Instant started = Instant.now();
		double seconds = (baselines != null) ? baselines.seconds() : this.options.scenarioTime().toNanos() / 1e9;
		List<Scenario> drawn = Scenario.draw(this.options.seed(), this.options.scenarios());
		ScenarioCampaign campaign = new ScenarioCampaign(calibration, cores, seconds, this.options.durations(), this.out,
				(baselines != null) ? baselines.scenarios() : null, this.options.keepAlive());
		this.out.printf(Locale.ROOT,
				"Scenarios: %d of seed %d (%s), %.1f s each without bursts, every contender from cold, roughly %.0f minutes%s%n",
				drawn.size(), this.options.seed(), (this.options.seed() == ScenarioSet.TRAINING_SEED) ? "training set"
						: "unseen set",
				seconds, campaign.estimateMinutes(drawn),
				(baselines != null) ? "; betapool ADAPTIVE only, the rest from " + this.options.reuseBaselines() : "");
		if (!this.options.quick()) {
			campaign.warmJvm(drawn.get(0));
		}
		List<ScenarioResult> results = new ArrayList<>();
		for (Scenario scenario : drawn) {
			this.out.printf(Locale.ROOT, "%s: %s; %s%n", scenario.id(), scenario.arrivalDescription(seconds),
					String.join(" → ", scenario.phases().stream().map(Scenario.Work::description).toList()));
			results.add(campaign.run(scenario));
		}
		return new ScenarioSet(this.options.seed(), seconds, cores, calibration.iterationsPerMs(), this.options.quick(),
				DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(started.atOffset(ZoneOffset.UTC)),
				Duration.between(started, Instant.now()).toMillis() / 60_000.0, command,
				System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
				(baselines != null) ? String.valueOf(this.options.reuseBaselines()) : "", results);
	}

	/**
	 * {@code set} if it can serve as the baselines of the scenarios {@code options} ask for.
	 * @throws IllegalArgumentException naming the mismatch
	 */
	static ScenarioSet baselines(RunOptions options, ScenarioSet set) {
		Path file = options.reuseBaselines();
		if (set.seed() != options.seed()) {
			throw new IllegalArgumentException("--reuse-baselines: " + file + " holds seed set " + set.seed()
					+ ", but this run draws seed " + options.seed() + "; give --seed " + set.seed());
		}
		int cores = Runtime.getRuntime().availableProcessors();
		if (set.cores() != cores) {
			throw new IllegalArgumentException("--reuse-baselines: " + file + " was measured on " + set.cores()
					+ " cores, but this machine has " + cores);
		}
		Path written = ScenarioFiles.json(options.out().resolve(ReportWriter.CHART_DIRECTORY), options.seed());
		if (file != null && written.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
			throw new IllegalArgumentException("--reuse-baselines: this run would overwrite " + file
					+ " with its own results; give another --out");
		}
		if (!set.baselines().isEmpty()) {
			throw new IllegalArgumentException("--reuse-baselines: " + file + " is itself a tuning rerun; give the "
					+ "results of a run of every contender (" + set.baselines() + ")");
		}
		if (set.scenarios().size() < options.scenarios()) {
			throw new IllegalArgumentException("--reuse-baselines: " + file + " holds " + set.scenarios().size()
					+ " scenarios, but this run asks for " + options.scenarios());
		}
		return set;
	}

	private List<WorkloadSpec> selected(List<WorkloadSpec> all) {
		if (this.options.workloads().isEmpty()) {
			return all;
		}
		return all.stream().filter((spec) -> this.options.workloads().contains(spec.id())).toList();
	}

	private double estimateMinutes(List<WorkloadSpec> workloads, int cells) {
		Durations d = this.options.durations();
		double seconds = 0;
		for (WorkloadSpec spec : workloads) {
			Bursts bursts = spec.bursts();
			double measured = (bursts != null) ? seconds(bursts.total())
					: spec.isPhaseShift() ? spec.phases().size() * seconds(d.phase()) : seconds(d.measure());
			double warmup = (bursts != null) ? 0 : (seconds(d.warmup()) + seconds(d.staticWarmup())) / 2;
			double cell = warmup + measured + seconds(d.pause()) + seconds(d.drain()) / 2 + 0.3;
			seconds += cell * cells / Math.max(1, workloads.size());
		}
		return seconds / 60;
	}

	private List<String> settings(boolean fixed, double scenarioSeconds) {
		Durations d = this.options.durations();
		List<String> lines = new ArrayList<>();
		if (fixed) {
			lines.add("Durations: warm-up " + text(d.warmup()) + " for executors that size themselves, "
					+ text(d.staticWarmup()) + " for static pools; then " + text(d.measure())
					+ " measured (the shifting workload: " + text(d.phase()) + " per phase, all measured; the bursts "
					+ "workload: its whole timeline, from cold, with no warm-up); open loops drain for up to "
					+ text(d.drain()) + "; " + text(d.pause()) + " pause between cells.");
			lines.add("Static sweep (closed loop): " + this.options.sizes().stream().map(String::valueOf)
				.collect(Collectors.joining(", ")) + " threads"
					+ (this.options.refine() ? ", then three sizes between half the knee and the knee." : "."));
			lines.add("Open-loop loads: " + (this.options.loads().isEmpty() ? "none"
					: this.options.loads().stream().map((l) -> Math.round(l * 100) + " %").collect(Collectors.joining(", ")))
					+ " of capacity" + (this.options.refine()
							? ", each with static sizes of ⌈load · knee · 2^(j/2)⌉, j = 0, 1, 2, below the best" : "")
					+ "; closed loops keep " + Workloads.OUTSTANDING + " tasks outstanding; arrival schedules seeded with "
					+ this.options.seed() + ".");
			lines.add("Rounds: " + ((this.options.rounds() == 1) ? "every cell measured once."
					: "betapool ADAPTIVE and the best static pool measured " + this.options.rounds()
							+ " times under each load mode, alternately; the tables and goals use each one's median round "
							+ "(closed loop: by throughput; open loop: by p99), every other contender measured once."));
		}
		if (this.options.scenarios() > 0) {
			lines.add("Scenarios: the first " + this.options.scenarios() + " of seed set " + this.options.seed() + ", "
					+ text(Duration.ofNanos(Math.round(scenarioSeconds * 1e9)))
					+ " each without bursts, every contender once, from cold, with no warm-up"
					+ (this.options.quick() ? "" : " (before the first, the JVM runs the first scenario for "
							+ ScenarioCampaign.JVM_WARMUP_SECONDS + " s through each kind of executor, unmeasured, so that "
							+ "its code is compiled)")
					+ "; open loops drain for up to "
					+ text(d.drain()) + "; " + text(d.pause()) + " pause between cells.");
		}
		lines.add("Virtual threads: " + (VirtualThreads.available() ? "available on this JDK."
				: "not available on this JDK (they need 21 or later)."));
		return lines;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static String text(Duration duration) {
		double s = seconds(duration);
		return (s < 1) ? Math.round(s * 1000) + " ms" : ((s == Math.rint(s)) ? (long) s + " s" : s + " s");
	}

}
