package io.betapool.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.betapool.Policy;
import io.betapool.benchmarks.Fixtures;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.MachineInfo;
import io.betapool.benchmarks.result.RunInfo;
import io.betapool.benchmarks.result.RunResults;
import io.betapool.benchmarks.result.ScenarioSet;
import io.betapool.benchmarks.result.WorkloadResults;
import io.betapool.benchmarks.workload.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ReportWriter} and the report it writes, on synthetic results.
 */
class ReportWriterTests {

	private static final LoadMode CLOSED = LoadMode.closed();

	private static final LoadMode OPEN = LoadMode.open(0.5);

	@Test
	void theReportHasTheRunTheGoalsAndATablePerWorkloadAndMode(@TempDir Path out) throws IOException {
		String report = Files.readString(ReportWriter.write(out, results(false)));
		assertThat(report).contains("## The run")
			.contains("`mvn -B -q -pl betapool-benchmarks -am package -DskipTests && java -jar "
					+ "betapool-benchmarks/target/benchmarks.jar --out docs`")
			.contains("Machine: 2 cores (Test CPU), 8.0 GB memory, TestOS 1 (x86).")
			.contains("## Goals")
			.contains("| io-heavy, closed loop | throughput 0.99 ×")
			.contains("PASS")
			.contains("## I/O-heavy (`io-heavy`)")
			.contains("### Closed loop (200 tasks outstanding)")
			.contains("### Open loop, 50 % of capacity")
			.contains("| static 256 (naive) |")
			.contains("| static 128 (best static) |")
			.contains("| **betapool ADAPTIVE (1–256)** |")
			.contains("![I/O-heavy: throughput against pool size](benchmarks/io-heavy-sweep.svg)")
			.contains("Where virtual threads win")
			.contains("No JMH results were found")
			.doesNotContain("Smoke run");
	}

	@Test
	void aQuickRunSaysItsFiguresMeanNothing(@TempDir Path out) throws IOException {
		assertThat(Files.readString(ReportWriter.write(out, results(true)))).contains("Smoke run (`--quick`)");
	}

	@Test
	void chartsAreWellFormedSvgAndTheCsvHasARowPerCell(@TempDir Path out) throws Exception {
		RunResults results = results(false);
		ReportWriter.write(out, results);
		Path chart = out.resolve("benchmarks/io-heavy-sweep.svg");
		assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(chart.toFile()).getDocumentElement()
			.getTagName()).isEqualTo("svg");
		List<String> csv = Files.readAllLines(out.resolve("benchmarks/results.csv"));
		assertThat(csv.get(0)).isEqualTo(String.join(",", ResultsCsv.RESULTS_HEADER));
		assertThat(csv).hasSize(1 + results.workloads().get(0).cells().size());
		assertThat(Files.readAllLines(out.resolve("benchmarks/timeline.csv"))).hasSize(1);
	}

	@Test
	void theSectionGoesBeforeTheFilesAndReplacesItselfOnTheNextRun() {
		String report = "# Report\n\n## Goals\n\ntext\n\n## Files\n\n- a\n";
		String once = Section.TWO_POOLS.into(report, "## Two pools in one process\n\nfirst\n\n");
		assertThat(once).contains(
				Section.TWO_POOLS.begin() + "\n## Two pools in one process\n\nfirst\n\n" + Section.TWO_POOLS.end());
		assertThat(once.indexOf("first")).isLessThan(once.indexOf("## Files"));
		String twice = Section.TWO_POOLS.into(once, "## Two pools in one process\n\nsecond\n\n");
		assertThat(twice).contains("second").doesNotContain("first");
		assertThat(twice.split(Section.TWO_POOLS.begin(), -1)).hasSize(2);
		assertThat(twice).endsWith("## Files\n\n- a\n");
	}

	@Test
	void sectionsOfOtherBenchmarksNextToTheReportAreKeptInItBeforeTheFiles(@TempDir Path out) throws IOException {
		Files.createDirectories(out.resolve("benchmarks"));
		Files.writeString(out.resolve(Section.HTTP.file()), "## The web server's threads\n\nrows\n\n");
		Files.writeString(out.resolve(Section.TWO_POOLS.file()),
				"## Two pools in one process\n\ntable\n\n");
		String report = Files.readString(ReportWriter.write(out, results(false)));
		assertThat(report).contains("## The web server's threads", "## Two pools in one process");
		assertThat(report.indexOf("## The web server's threads")).isLessThan(report.indexOf("## Files"));
		assertThat(report.indexOf("## Two pools in one process")).isLessThan(report.indexOf("## Files"));
		// written again, each section appears once
		String again = Files.readString(ReportWriter.write(out, results(false)));
		assertThat(again.split("## The web server's threads", -1)).hasSize(2);
	}

	@Test
	void jmhResultsNextToTheReportAreIncluded(@TempDir Path out) throws IOException {
		Files.createDirectories(out.resolve("benchmarks"));
		Files.writeString(out.resolve(ReportWriter.JMH_RESULTS), """
				[{"params": {"type": "threadPoolExecutor", "task": "noop", "threads": "1"},
				  "primaryMetric": {"score": 4000000.0, "scoreError": 1000.0}},
				 {"params": {"type": "betapool", "task": "noop", "threads": "1"},
				  "primaryMetric": {"score": 3800000.0, "scoreError": 1000.0}}]
				""");
		String report = Files.readString(ReportWriter.write(out, results(false)));
		assertThat(report).contains("| noop | 1 | 4,000,000 ± 1,000 | 3,800,000 ± 1,000 | 0.95 |")
			.contains("| no-op tasks, 1 thread | 0.95 ×");
	}

	@Test
	void scenarioSetsAreWrittenReadBackAndReported(@TempDir Path out) throws IOException {
		ScenarioSet test = Fixtures.scenarioSet(1001, 150, new double[] { 1.0, 1.0 }, new double[] { 0.97, 1.3 });
		RunResults results = new RunResults(results(false).info(), List.of(), List.of(test));
		String report = Files.readString(ReportWriter.write(out, results));
		assertThat(ScenarioFiles.read(out.resolve("benchmarks/scenarios-seed-1001.json"))).isEqualTo(test);
		assertThat(report).contains("## Scenarios: random workloads, from a cold start")
			.contains("### Test set: seed 1001, 2 scenarios")
			.contains("| throughput ratio (higher is better) | 0.99 | 0.97 | 0.97 |")
			.contains("**1 win, 0 losses**; in 1 of 2 scenarios betapool had less throughput than that")
			.contains("| s1001-01 |")
			.contains("| seed 1001, 2 scenarios | median 0.99 ×")
			.doesNotContain("## I/O-heavy");
		List<String> csv = Files.readAllLines(out.resolve("benchmarks/scenarios-seed-1001.csv"));
		assertThat(csv.get(0)).isEqualTo(String.join(",", ScenarioFiles.HEADER));
		assertThat(csv).hasSize(1 + 2 * 7);
		List<String> timeline = Files.readAllLines(out.resolve("benchmarks/scenarios-seed-1001-timeline.csv"));
		assertThat(timeline.get(0)).isEqualTo(String.join(",", ScenarioFiles.TIMELINE_HEADER));
		assertThat(timeline.stream().skip(1).map((line) -> line.split(",")[2]).distinct())
			.containsExactly("betapool-seed", "betapool-adaptive");
	}

	@Test
	void aSetMeasuredByAnEarlierRunIntoTheSameDirectoryIsReportedToo(@TempDir Path out) throws IOException {
		ScenarioSet training = Fixtures.scenarioSet(1, 150, new double[] { 0.8, 2.0 });
		assertThat(Files.readString(ReportWriter.write(out, new RunResults(results(false).info(), List.of(),
				List.of(training))))).contains("No goal is judged in this report");
		ScenarioSet test = Fixtures.scenarioSet(1001, 150, new double[] { 1.0, 1.0 });
		String report = Files.readString(ReportWriter.write(out, new RunResults(results(false).info(),
				results(false).workloads(), List.of(test))));
		assertThat(report).contains("### Training set: seed 1, 1 scenario")
			.contains("### Test set: seed 1001, 1 scenario")
			.contains("## I/O-heavy (`io-heavy`)");
		assertThat(report.indexOf("### Training set")).isLessThan(report.indexOf("### Test set"));
	}

	@Test
	void fixedWorkloadsOfAnEarlierRunAreReportedWithThatRunAfterARunOfScenariosAlone(@TempDir Path out)
			throws IOException {
		RunResults fixed = results(false);
		ReportWriter.write(out, fixed);
		assertThatTheFixedWorkloadsReadBackAre(out, fixed);
		RunInfo later = new RunInfo("java -jar betapool-benchmarks/target/benchmarks.jar --out docs --scenarios 1 "
				+ "--seed 1001", Instant.parse("2025-02-01T00:00:00Z"), Duration.ofMinutes(3), false,
				fixed.info().machine(), 400_000, List.of("Scenarios: test."));
		ScenarioSet test = Fixtures.scenarioSet(1001, 150, new double[] { 1.0, 1.0 });
		String report = Files.readString(ReportWriter.write(out, new RunResults(later, List.of(), List.of(test))));
		assertThat(report).contains("- Date: 2025-01-01 00:00 UTC; the run took 70.0 min.")
			.contains("--out docs`\n")
			.contains("## I/O-heavy (`io-heavy`)")
			.contains("| io-heavy, closed loop | throughput 0.99 ×")
			.contains("### Test set: seed 1001, 1 scenario")
			.doesNotContain("2025-02-01 00:00 UTC; the run took");
		assertThatTheFixedWorkloadsReadBackAre(out, fixed);
	}

	private static void assertThatTheFixedWorkloadsReadBackAre(Path out, RunResults fixed) {
		RunResults read = WorkloadFiles.read(out.resolve("benchmarks")).orElseThrow();
		assertThat(read.info()).isEqualTo(fixed.info());
		assertThat(read.scenarioSets()).isEmpty();
		assertThat(read.workloads()).hasSameSizeAs(fixed.workloads());
		WorkloadResults workload = read.workloads().get(0);
		assertThat(workload.cells()).isEqualTo(fixed.workloads().get(0).cells());
		assertThat(workload.spec().id()).isEqualTo(fixed.workloads().get(0).spec().id());
		Phase phase = workload.spec().nominal();
		Phase measured = fixed.workloads().get(0).spec().nominal();
		assertThat(List.of(phase.name(), phase.cpuMs(), phase.blockMs(), phase.serialMs()))
			.isEqualTo(List.of(measured.name(), measured.cpuMs(), measured.blockMs(), measured.serialMs()));
		assertThatIllegalStateException().isThrownBy(() -> phase.task().call())
			.withMessage("a workload read back from workloads.json keeps its figures, not its task");
	}

	@Test
	void fixedWorkloadsThatCannotBeReadAreNamed(@TempDir Path out) throws IOException {
		Path charts = Files.createDirectories(out.resolve("benchmarks"));
		Files.writeString(charts.resolve(WorkloadFiles.NAME), "{\"info\": 3}");
		assertThat(WorkloadFiles.read(out)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadFiles.read(charts))
			.withMessageStartingWith("cannot read the fixed workloads' results " + charts.resolve(WorkloadFiles.NAME))
			.withMessageEndingWith("; delete it or run the fixed workloads again into the same --out");
	}

	@Test
	void figuresThatWereNotMeasuredSurviveTheRoundTrip(@TempDir Path out) throws IOException {
		ScenarioSet set = Fixtures.scenarioSet(7, Double.NaN, new double[] { Double.NaN, Double.NaN });
		ReportWriter.write(out, new RunResults(results(false).info(), List.of(), List.of(set)));
		ScenarioSet read = ScenarioFiles.read(out.resolve("benchmarks/scenarios-seed-7.json"));
		assertThat(read.scenarios().get(0).cells().get(4).p99Ms()).isNaN();
		assertThat(read.scenarios().get(0).cells().get(6).throughput()).isNaN();
	}

	@Test
	void aFileThatIsNotAScenarioSetIsNamed(@TempDir Path out) throws IOException {
		Path file = Files.writeString(out.resolve("x.json"), "{\"seed\": \"many\"}");
		assertThatIllegalArgumentException().isThrownBy(() -> ScenarioFiles.read(file))
			.withMessageStartingWith("cannot read the scenario results " + file);
		assertThatIllegalArgumentException().isThrownBy(() -> ScenarioFiles.read(out.resolve("none.json")))
			.withMessageEndingWith("none.json do not exist; a run with --scenarios writes them to "
					+ "benchmarks/scenarios-seed-S.json under its --out");
	}

	private static RunResults results(boolean quick) {
		List<CellResult> cells = new ArrayList<>();
		double[][] sweep = { { 64, 3000 }, { 96, 3890 }, { 128, 3960 }, { 256, 3900 } };
		for (double[] point : sweep) {
			cells.add(Fixtures.cell("io-heavy", CLOSED, Contender.fixed((int) point[0]), point[1], 60, point[0]));
		}
		for (LoadMode mode : List.of(CLOSED, OPEN)) {
			if (!mode.isClosed()) {
				cells.add(Fixtures.cell("io-heavy", mode, Contender.fixed(128), 1980, 30, 128));
				cells.add(Fixtures.cell("io-heavy", mode, Contender.fixed(256), 1980, 29, 256));
			}
			cells.add(Fixtures.cell("io-heavy", mode, Contender.springDefault(), 390, 900, 8));
			cells.add(Fixtures.cell("io-heavy", mode, Contender.virtualThreads(), 3950, 55, 4));
			cells.add(Fixtures.cell("io-heavy", mode, Contender.betapool(Policy.SEED), 2000, 200, 40));
			cells.add(Fixtures.cell("io-heavy", mode, Contender.betapool(Policy.ADAPTIVE), 3930, 60, 100));
		}
		MachineInfo machine = new MachineInfo(2, 8192, "Test CPU", "TestOS 1 (x86)", "Test JDK 25", List.of(),
				"test memory", "tsc", 20);
		RunInfo info = new RunInfo("java -jar betapool-benchmarks/target/benchmarks.jar --out docs",
				Instant.parse("2025-01-01T00:00:00Z"), Duration.ofMinutes(70), quick, machine, 400_000,
				List.of("Durations: test."));
		return new RunResults(info,
				List.of(new WorkloadResults(Fixtures.steady("io-heavy", "I/O-heavy", 0.5, 20), cells)));
	}

}
