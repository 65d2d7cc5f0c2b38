package io.betapool.benchmarks.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.betapool.ControllerConfig;
import io.betapool.Policy;
import io.betapool.benchmarks.analysis.Goal;
import io.betapool.benchmarks.analysis.GoalResult;
import io.betapool.benchmarks.analysis.ScenarioSummary;
import io.betapool.benchmarks.analysis.StaticSweep;
import io.betapool.benchmarks.analysis.Verdict;
import io.betapool.benchmarks.analysis.VirtualThreadComparison;
import io.betapool.benchmarks.analysis.WorkloadView;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.MachineInfo;
import io.betapool.benchmarks.result.Overhead;
import io.betapool.benchmarks.result.RunInfo;
import io.betapool.benchmarks.result.ScenarioSet;

import static io.betapool.benchmarks.analysis.Format.mb;
import static io.betapool.benchmarks.analysis.Format.ms;
import static io.betapool.benchmarks.analysis.Format.number;
import static io.betapool.benchmarks.analysis.Format.rate;
import static io.betapool.benchmarks.analysis.Format.ratio;

/**
 * The benchmark report in Markdown: how the run was made, how to read it, the goals with their
 * verdicts and what limits the misses, a section per workload, virtual threads against platform pools,
 * and the per-task overhead measured by JMH. Every number in it comes from the results or from the
 * constants of the code that produced them.
 */
final class MarkdownReport {

	static final String CHART_DIRECTORY = "benchmarks";

	private final RunInfo info;

	private final List<WorkloadView> views;

	private final List<GoalResult> goals;

	private final List<Overhead> overheads;

	private final List<ScenarioSummary> scenarios;

	MarkdownReport(RunInfo info, List<WorkloadView> views, List<GoalResult> goals, List<Overhead> overheads) {
		this(info, views, goals, overheads, List.of());
	}

	MarkdownReport(RunInfo info, List<WorkloadView> views, List<GoalResult> goals, List<Overhead> overheads,
			List<ScenarioSummary> scenarios) {
		this.info = info;
		this.views = List.copyOf(views);
		this.goals = List.copyOf(goals);
		this.overheads = List.copyOf(overheads);
		this.scenarios = List.copyOf(scenarios);
	}

	String render() {
		StringBuilder md = new StringBuilder();
		md.append("# BetaPool benchmarks\n\n");
		md.append("Written by the benchmark harness of `betapool-benchmarks`; every figure comes from the run "
				+ "described below, or, for a scenario set, from the run its section names. Regenerate it with those "
				+ "commands rather than editing it.\n\n");
		if (this.info.quick()) {
			md.append("> **Smoke run (`--quick`).** Every cell lasted a fraction of a second: the figures show "
					+ "that the harness works, not how the executors compare.\n\n");
		}
		run(md);
		if (!this.views.isEmpty()) {
			reading(md);
		}
		goals(md);
		for (WorkloadView view : this.views) {
			md.append(new WorkloadSection(view, CHART_DIRECTORY).render());
		}
		md.append(new ScenarioSection(this.scenarios, CHART_DIRECTORY).render());
		if (!this.views.isEmpty()) {
			virtualThreads(md);
			overhead(md);
		}
		md.append("## Files\n\n");
		if (!this.views.isEmpty()) {
			md.append("- [`").append(CHART_DIRECTORY).append("/results.csv`](").append(CHART_DIRECTORY)
				.append("/results.csv): every figure of every cell, one row per cell and measured stretch.\n")
				.append("- [`").append(CHART_DIRECTORY).append("/timeline.csv`](").append(CHART_DIRECTORY)
				.append("/timeline.csv): the 100 ms samples behind the timeline chart.\n")
				.append("- [`").append(CHART_DIRECTORY).append('/').append(WorkloadFiles.NAME).append("`](")
				.append(CHART_DIRECTORY).append('/').append(WorkloadFiles.NAME)
				.append("): the fixed workloads' run as a later run of scenarios alone reads it back.\n");
		}
		for (ScenarioSummary summary : this.scenarios) {
			String csv = ScenarioFiles.csvName(summary.set().seed());
			String json = csv.replace(".csv", ".json");
			md.append("- [`").append(CHART_DIRECTORY).append('/').append(csv).append("`](").append(CHART_DIRECTORY)
				.append('/').append(csv).append(") and [`").append(json).append("`](").append(CHART_DIRECTORY).append('/')
				.append(json).append("): the scenarios of seed ").append(summary.set().seed())
				.append(", one row per scenario and contender with the drawn parameters and ratios; the JSON is what "
						+ "later reports and `--reuse-baselines` read; `")
				.append(csv.replace(".csv", "-timeline.csv"))
				.append("` holds betapool's 100 ms samples in every scenario.\n");
		}
		return md.toString();
	}

	private void run(StringBuilder md) {
		MachineInfo machine = this.info.machine();
		md.append("## The run\n\n");
		md.append("- Date: ")
			.append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
				.format(this.info.started().atOffset(ZoneOffset.UTC)))
			.append("; the run took ")
			.append(number(this.info.elapsed().toSeconds() / 60.0, 1))
			.append(" min.\n");
		md.append("- Command (from the repository root): `").append(Commands.BUILD).append(" && ")
			.append(this.info.command()).append("`\n");
		md.append("- Machine: ").append(machine.cores()).append(" cores (").append(machine.cpuModel()).append("), ")
			.append((machine.memoryMb() > 0) ? number(machine.memoryMb() / 1024.0, 1) + " GB memory" : "memory unknown")
			.append(", ").append(machine.os()).append(".\n");
		md.append("- JDK: ").append(machine.jdk()).append("; JVM flags: ")
			.append(machine.jvmFlags().isEmpty() ? "none" : "`" + String.join(" ", machine.jvmFlags()) + "`")
			.append(".\n");
		md.append("- Clock: a `System.nanoTime()` call costs ").append(number(machine.clockReadNanos(), 1))
			.append(" ns here (kernel clock source: ").append(machine.clockSource()).append(").\n");
		md.append("- CPU work: 1 ms of CPU time = ").append(number(this.info.iterationsPerCpuMs(), 0))
			.append(" iterations of the workload generators' mix loop, calibrated at the start of the run.\n");
		for (String setting : this.info.settings()) {
			md.append("- ").append(setting).append('\n');
		}
		md.append('\n');
	}

	private void reading(StringBuilder md) {
		MachineInfo machine = this.info.machine();
		ControllerConfig defaults = ControllerConfig.defaults();
		md.append("## How to read the tables\n\n");
		md.append("- **Contenders.** `static n`: `Executors.newFixedThreadPool(n)`'s configuration; naive = ")
			.append(WorkloadView.NAIVE_SIZE).append(" threads, the seed's; best static = the size with the highest "
					+ "closed-loop throughput in a sweep of this run (reused for the open loops), then measured again in a "
					+ "closed-loop cell of its own, which the comparisons use: the highest of a dozen noisy cells overstates "
					+ "its size's throughput; Goetz = ⌈cores / (1 − β)⌉ "
					+ "from the nominal β. ")
			.append(Contender.springDefault().label()).append(": Spring Boot's `applicationTaskExecutor` defaults on a "
					+ "plain `ThreadPoolExecutor` (max unbounded, but an unbounded queue keeps it at ")
			.append(Contender.SPRING_CORE_SIZE).append(" threads). betapool: `AdaptiveThreadPoolExecutor` with ")
			.append(Contender.BETAPOOL_MIN).append("–").append(Contender.BETAPOOL_MAX)
			.append(" threads (the naive pool's ceiling), default configuration (tick every ")
			.append(defaults.monitorInterval().toMillis()).append(" ms), policy ").append(Policy.SEED).append(" or ")
			.append(Policy.ADAPTIVE).append(" (the default).\n");
		md.append("- **Load.** Closed loop: a fixed number of tasks outstanding, each completion submitting the "
				+ "next — it saturates every pool. Open loop: Poisson arrivals (the same seeded schedule for every "
				+ "contender) at a share of capacity, where capacity is the best static pool's closed-loop throughput "
				+ "as measured again (for the shifting workload, per phase from the sweep).\n");
		md.append("- **Rounds.** A contender measured in several rounds (see *The run*) shows its median round — "
				+ "by throughput in the closed loop, by p99 in the open loop — and every round's figure is listed "
				+ "under the table.\n");
		md.append("- **Throughput** (tasks/s): closed loop, the tasks completed during the measurement per second. "
				+ "Open loop, the tasks due to arrive during the measurement that completed by the end of the drain, "
				+ "per second of the measurement: a pool that keeps up matches the offered rate; one that fell behind "
				+ "during the warm-up is still working through older tasks, and can show nearly 0 with most of the "
				+ "measured tasks *unfinished*.\n");
		md.append("- **Latency** is from submission to completion, queue wait included (HdrHistogram, 3 significant "
				+ "digits). In the open loop it runs from each task's scheduled arrival; tasks still unfinished when a "
				+ "cell ends count with their age then (a lower bound), and are listed as *unfinished*.\n");
		md.append("- **Threads** are sampled every 100 ms during the measurement: the pool's size, or for virtual "
				+ "threads the platform threads of their scheduler (carriers and helpers).\n");
		md.append("- **Memory** is ").append(machine.memorySource()).append("; the table shows the peak during the "
				+ "measurement and its growth over the baseline read after a garbage collection before the cell. ")
			.append(machine.heapFixed()
					? "The heap was fixed and pre-touched, so the growth is thread stacks and other off-heap memory.\n"
					: "The heap was not fixed and pre-touched (`-Xms` = `-Xmx` with `-XX:+AlwaysPreTouch`), so the "
							+ "growth includes heap the garbage collector touched.\n");
		md.append("- **CPU** is the process's CPU time over the measurement, as a share of all cores.\n");
		md.append("- **Of limit** is throughput over the physical limit min(cores / c, N / (c + b), 1 / s) for tasks "
				+ "of CPU time c, blocking time b and time s under a shared lock, with N the tasks outstanding (closed "
				+ "loop); in the open loop the offered rate replaces N / (c + b). **× best static** is throughput over "
				+ "the best static pool's in the same load mode. The **knee** is the smallest static size within ")
			.append(number((1 - StaticSweep.KNEE_FRACTION) * 100, 0))
			.append(" % of the best throughput.\n");
		md.append("- **Convergence** after a phase shift is the time from the shift until betapool's thread count is "
				+ "within 10 % of the new phase's knee, read from the 100 ms samples. **Cold start** is the same from "
				+ "the first task of a closed-loop cell: every cell starts its executor cold, and the warm-up is "
				+ "sampled too.\n");
		md.append("- **Bursts after idle** are measured from a cold start with no warm-up for anyone; their "
				+ "throughput counts the idle gaps too, the same for every contender. Their open-loop capacity is the "
				+ "best static pool's closed-loop throughput during the bursts.\n");
		md.append("- **Open-loop threads** are held against the smallest static size whose p99 at that load is within "
				+ "10 % of the lowest static p99 there, measured in the same run (the open loops also run static sizes of "
				+ "about load × knee × 1, √2 and 2).\n\n");
	}

	private void goals(StringBuilder md) {
		md.append("## Goals\n\n");
		if (this.goals.isEmpty()) {
			md.append("No goal is judged in this report: the goals are checked on the fixed workloads and on scenario "
					+ "sets other than the training set (seed ").append(ScenarioSet.TRAINING_SEED)
				.append("), and this report has neither.\n\n");
			return;
		}
		long pass = this.goals.stream().filter((g) -> g.verdict() == Verdict.PASS).count();
		long miss = this.goals.stream().filter((g) -> g.verdict() == Verdict.MISS).count();
		md.append("betapool with its default policy, checked against the figures below: **").append(pass)
			.append(" pass, ").append(miss).append(" miss**")
			.append(this.goals.stream().anyMatch((g) -> g.verdict() == Verdict.NOT_MEASURED)
					? ", the rest not measured in this run" : "")
			.append(".\n\n");
		for (Goal goal : Goal.values()) {
			List<GoalResult> results = this.goals.stream().filter((g) -> g.goal() == goal).toList();
			if (results.isEmpty()) {
				continue;
			}
			md.append("**").append(goal.title()).append("**\n\n");
			MarkdownTable table = new MarkdownTable("where", "measured", "needed", "verdict");
			for (GoalResult result : results) {
				table.row(result.scope(), result.measured(), result.needed(), verdict(result.verdict()));
			}
			md.append(table).append('\n');
		}
		List<GoalResult> misses = this.goals.stream().filter((g) -> g.verdict() == Verdict.MISS).toList();
		if (!misses.isEmpty()) {
			md.append("### What limits the misses\n\n");
			for (GoalResult result : misses) {
				md.append("- *").append(result.scope()).append("* — ").append(result.limits()).append('\n');
			}
			md.append('\n');
		}
	}

	private static String verdict(Verdict verdict) {
		return switch (verdict) {
			case PASS -> "PASS";
			case MISS -> "**MISS**";
			case NOT_MEASURED -> "not measured";
		};
	}

	private void virtualThreads(StringBuilder md) {
		md.append("## Virtual threads and platform pools\n\n");
		List<VirtualThreadComparison.Match> matches = VirtualThreadComparison.compare(this.views);
		if (matches.isEmpty()) {
			md.append("Virtual threads did not run: this JDK (").append(MachineInfo.javaFeatureVersion() < 21
					? "feature version " + MachineInfo.javaFeatureVersion() + ", before 21" : "as run")
				.append(") has none. Run the harness on JDK 21 or later to compare them.\n\n");
			return;
		}
		md.append("For each workload and load, virtual threads against the platform pool that did best there: among "
				+ "the pools within ")
			.append(number((1 - VirtualThreadComparison.SAME_THROUGHPUT) * 100, 0))
			.append(" % of the top throughput, the one with the lowest p99 (or, when none is, the fastest). Virtual threads "
					+ "win when they are within that band too and no platform pool in it has a lower p99.\n\n");
		MarkdownTable table = new MarkdownTable("workload", "load", ">virtual threads: tasks/s · p99 ms",
				"best platform pool", ">its tasks/s · p99 ms", ">throughput ratio", ">p99 ratio", "winner");
		List<String> vtWins = new ArrayList<>();
		List<String> platformWins = new ArrayList<>();
		for (VirtualThreadComparison.Match match : matches) {
			CellResult vt = match.virtualThreads();
			CellResult platform = match.platform();
			table.row(match.workload(), match.mode().label(),
					rate(vt.overall().throughput()) + " · " + ms(vt.overall().p99Ms()), platform.contender().label(),
					rate(platform.overall().throughput()) + " · " + ms(platform.overall().p99Ms()),
					ratio(match.throughputRatio()), ratio(match.p99Ratio()),
					match.virtualThreadsWin() ? "virtual threads" : "platform");
			String where = match.workload() + " (" + match.mode().label() + ")";
			if (match.virtualThreadsWin()) {
				vtWins.add(where + ": p99 " + ms(vt.overall().p99Ms()) + " ms against " + ms(platform.overall().p99Ms())
						+ " ms for " + platform.contender().label() + " at " + ratio(match.throughputRatio())
						+ " × its throughput");
			}
			else {
				platformWins.add(where + ": " + platform.contender().label() + " — p99 " + ms(platform.overall().p99Ms())
						+ " ms against " + ms(vt.overall().p99Ms()) + " ms, throughput ratio of virtual threads "
						+ ratio(match.throughputRatio()));
			}
		}
		md.append(table).append('\n');
		md.append("**Where virtual threads win:** ").append(vtWins.isEmpty() ? "nowhere in this run." : "")
			.append('\n');
		vtWins.forEach((line) -> md.append("- ").append(line).append('\n'));
		md.append("\n**Where platform pools win:** ").append(platformWins.isEmpty() ? "nowhere in this run." : "")
			.append('\n');
		platformWins.forEach((line) -> md.append("- ").append(line).append('\n'));
		md.append('\n').append(memory()).append("\n\n");
	}

	private String memory() {
		double vt = meanGrowth(Contender.virtualThreads());
		double adaptive = meanGrowth(Contender.betapool(Policy.ADAPTIVE));
		double naive = meanGrowth(Contender.fixed(WorkloadView.NAIVE_SIZE));
		return "Memory growth over the baseline, mean of the closed loops: virtual threads " + mb(vt) + " MB, betapool "
				+ mb(adaptive) + " MB, static " + WorkloadView.NAIVE_SIZE + " " + mb(naive)
				+ " MB. ThreadMXBean gives no CPU time for virtual threads, so betapool's β cannot be measured on them.";
	}

	private double meanGrowth(Contender contender) {
		return this.views.stream()
			.flatMap((view) -> view.cell(LoadMode.closed(), contender).stream())
			.mapToDouble(CellResult::rssGrowthMb)
			.average()
			.orElse(Double.NaN);
	}

	private void overhead(StringBuilder md) {
		md.append("## Per-task overhead (JMH)\n\n");
		md.append("Batches of tasks submitted to each executor with equal, fixed thread counts, waiting for the whole "
				+ "batch; throughput in tasks per second. betapool runs with minimum = maximum threads, so its "
				+ "controller ticks but never resizes. Command, after the build:\n\n```\n")
			.append(Commands.JMH).append("\n```\n\n");
		if (this.overheads.isEmpty()) {
			md.append("No JMH results were found next to this report (`").append(CHART_DIRECTORY)
				.append("/jmh.json`): run the command above before the harness to include them.\n\n");
			return;
		}
		MarkdownTable table = new MarkdownTable("task", ">threads", ">ThreadPoolExecutor tasks/s",
				">betapool tasks/s", ">betapool / ThreadPoolExecutor");
		for (Overhead overhead : this.overheads) {
			table.row(overhead.task(), Integer.toString(overhead.threads()),
					rate(overhead.threadPoolExecutor()) + " ± " + rate(overhead.threadPoolExecutorError()),
					rate(overhead.betapool()) + " ± " + rate(overhead.betapoolError()), ratio(overhead.ratio()));
		}
		md.append(table).append('\n');
	}

}
