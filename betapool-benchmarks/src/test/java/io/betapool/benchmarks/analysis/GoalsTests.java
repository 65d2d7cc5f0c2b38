package io.betapool.benchmarks.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.betapool.Policy;
import io.betapool.benchmarks.Fixtures;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.Overhead;
import io.betapool.benchmarks.result.WorkloadResults;
import io.betapool.benchmarks.workload.Bursts;
import io.betapool.benchmarks.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Goals} on synthetic figures.
 */
class GoalsTests {

	private static final LoadMode CLOSED = LoadMode.closed();

	private static final Contender ADAPTIVE = Contender.betapool(Policy.ADAPTIVE);

	@Test
	void aPoolAtTheKneeWithBestThroughputAndTailPasses() {
		GoalResult result = Goals.steady(steadyView(3930, 60, 100), CLOSED);
		assertThat(result.verdict()).isEqualTo(Verdict.PASS);
		assertThat(result.limits()).isEmpty();
		assertThat(result.measured()).contains("throughput 0.99 ×").contains("knee 96");
	}

	@Test
	void tooFewThreadsMissOnThroughputAndSaySo() {
		GoalResult result = Goals.steady(steadyView(3000, 60, 64), CLOSED);
		assertThat(result.verdict()).isEqualTo(Verdict.MISS);
		assertThat(result.limits()).contains("averaged 64 threads, below the knee of 96")
			.contains("3 vetoed")
			.contains("the CPU is saturated (97 %)");
	}

	@Test
	void tooManyThreadsMissEvenAtFullThroughput() {
		GoalResult result = Goals.steady(steadyView(3960, 60, 200), CLOSED);
		assertThat(result.verdict()).isEqualTo(Verdict.MISS);
		assertThat(result.needed()).contains("≤ 120 threads");
		assertThat(result.limits()).contains("Threads: 200 on average")
			.contains("static 96 already completed 3,890")
			.doesNotContain("such as a lock")
			.doesNotContain("open-loop arrivals");
	}

	@Test
	void aPoolAboveTheKneeOfLockBoundWorkUnderOpenLoopArrivalsSaysWhatHeldIt() {
		LoadMode open = LoadMode.open(0.7);
		GoalResult result = Goals.steady(openLoopView(open, 51, 15), open);

		assertThat(result.verdict()).isEqualTo(Verdict.MISS);
		assertThat(result.limits()).contains("Threads: 15 on average")
			.contains("the best static pool kept only 51 % of the CPU busy")
			.contains("under open-loop arrivals throughput follows the arrivals")
			.contains("⌈busy + 2.5 · √busy⌉ threads")
			.endsWith("counting the threads that wait for that limit as busy.");
	}

	@Test
	void aPoolAboveTheKneeUnderOpenLoopArrivalsNamesTheSpareThreads() {
		LoadMode open = LoadMode.open(0.9);
		GoalResult result = Goals.steady(openLoopView(open, 99, 16), open);

		assertThat(result.verdict()).isEqualTo(Verdict.MISS);
		assertThat(result.limits()).doesNotContain("such as a lock")
			.contains(". Under open-loop arrivals throughput follows the arrivals")
			.endsWith("threads for bursts of arrivals.");
	}

	@Test
	void theOpenLoopThreadsGoalIsHeldAgainstTheSmallestStaticAsGoodOnP99AtThatLoad() {
		LoadMode open = LoadMode.open(0.7);
		GoalResult result = Goals.steady(openLoopView(open, 99, 9.5), open);
		assertThat(result.verdict()).isEqualTo(Verdict.PASS);
		assertThat(result.measured()).endsWith("9.5 threads (smallest static within 10 % of the best p99 at this load: 8)");
		assertThat(result.needed()).endsWith("≤ 10 threads");
	}

	@Test
	void burstsAfterIdlePassWithinTheirLooserBounds() {
		WorkloadView view = burstsView(3500, 100);
		GoalResult result = Goals.bursts(view, CLOSED);
		assertThat(result.goal()).isEqualTo(Goal.BURSTS);
		assertThat(result.verdict()).isEqualTo(Verdict.PASS);
		assertThat(result.measured()).startsWith("throughput 0.96 × static 82, p99 1.43 × (100 vs 70.0 ms)");
	}

	@Test
	void burstsAfterIdleWithATailTwiceTheBestStaticsMiss() {
		GoalResult result = Goals.bursts(burstsView(3700, 140), CLOSED);
		assertThat(result.verdict()).isEqualTo(Verdict.MISS);
		assertThat(result.limits()).startsWith("betapool ran 40 threads on average (peak 40) against static 82; from "
				+ "cold it took");
	}

	@Test
	void theBurstsWorkloadIsJudgedByItsOwnGoalOnly() {
		assertThat(Goals.evaluate(List.of(burstsView(3500, 100)), List.of(), 25)).extracting(GoalResult::goal)
			.contains(Goal.BURSTS)
			.doesNotContain(Goal.STEADY, Goal.COLD_START);
	}

	@Test
	void aColdStartWithinTwoHundredMillisecondsOfTheKneePasses() {
		// the fixture's betapool runs 10 threads from its first sample on; the knee is 10
		GoalResult result = Goals.coldStart(coldView(10));
		assertThat(result.verdict()).isEqualTo(Verdict.PASS);
		assertThat(result.measured()).isEqualTo("0.00 ms to within 10 % of 10 threads");
	}

	@Test
	void aPoolThatNeverNearsTheKneeFailsItsColdStart() {
		GoalResult result = Goals.coldStart(coldView(4));
		assertThat(result.verdict()).isEqualTo(Verdict.MISS);
		assertThat(result.limits()).startsWith("Threads every 100 ms during the first second: 4 → 4 → ")
			.contains("(knee 10)");
	}

	@Test
	void theColdStartGoalIsForTasksOfTwentyMillisecondsOrLess() {
		assertThat(Goals.evaluate(List.of(coldView(10)), List.of(), 25)).extracting(GoalResult::goal)
			.contains(Goal.COLD_START);
		assertThat(Goals.evaluate(List.of(steadyView(3930, 60, 100)), List.of(), 25)).extracting(GoalResult::goal)
			.doesNotContain(Goal.COLD_START);
	}

	@Test
	void aLongerTailMisses() {
		GoalResult result = Goals.steady(steadyView(3960, 90, 100), CLOSED);
		assertThat(result.verdict()).isEqualTo(Verdict.MISS);
		assertThat(result.limits()).startsWith("p99: 90.0 ms against 60.0 ms");
	}

	@Test
	void withoutBetapoolTheGoalIsNotMeasured() {
		WorkloadSpec spec = Fixtures.steady("io-heavy", 0.5, 20);
		WorkloadView view = new WorkloadView(new WorkloadResults(spec,
				List.of(Fixtures.cell("io-heavy", CLOSED, Contender.fixed(64), 3000, 50, 64))), Fixtures.CORES);
		assertThat(Goals.steady(view, CLOSED).verdict()).isEqualTo(Verdict.NOT_MEASURED);
	}

	@Test
	void pureCpuWorkMustStayWithinCoresPlusOne() {
		WorkloadSpec spec = Fixtures.steady("cpu-heavy", 2, 0);
		List<CellResult> cells = List.of(Fixtures.cell("cpu-heavy", CLOSED, Contender.fixed(2), 1000, 200, 2),
				Fixtures.cell("cpu-heavy", CLOSED, ADAPTIVE, 990, 200, 3.4));
		WorkloadView view = new WorkloadView(new WorkloadResults(spec, cells), Fixtures.CORES);
		GoalResult result = Goals.cpuThreads(view, CLOSED);
		assertThat(result.verdict()).isEqualTo(Verdict.MISS);
		assertThat(result.measured()).isEqualTo("peak 4, mean 3.4 threads");
		assertThat(result.limits()).contains("peaked at 4 threads").contains("on 2 cores");
	}

	@Test
	void thePhaseShiftGoalComparesOverallThroughputAndTheCpuPhaseTail() {
		WorkloadView view = shiftingView(new int[] { 24, 2, 96 }, new double[] { 1900, 990, 3900 },
				new double[] { 150, 210, 60 });
		GoalResult result = Goals.phaseShift(view, CLOSED);
		assertThat(result.verdict()).isEqualTo(Verdict.PASS);
		assertThat(result.measured()).contains("CPU-phase p99 210 vs 400 ms").contains("better on both: none");
	}

	@Test
	void aCpuPhaseTailAboveTheBestStaticMisses() {
		WorkloadView view = shiftingView(new int[] { 24, 100, 96 }, new double[] { 1900, 990, 3900 },
				new double[] { 150, 450, 60 });
		GoalResult result = Goals.phaseShift(view, CLOSED);
		assertThat(result.verdict()).isEqualTo(Verdict.MISS);
		assertThat(result.limits()).contains("CPU-phase p99: 450 ms with 100 threads on average against 400 ms")
			.contains("fewer threads than static 128");
	}

	@Test
	void convergenceIsMeasuredFromEachShiftToTheNewPhasesKnee() {
		WorkloadView view = shiftingView(new int[] { 24, 2, 96 }, new double[] { 1900, 990, 3900 },
				new double[] { 150, 210, 60 });
		GoalResult toCpu = Goals.convergence(view, 1);
		assertThat(toCpu.scope()).isEqualTo("phase-shift, I/O → CPU, closed loop");
		assertThat(toCpu.verdict()).isEqualTo(Verdict.PASS);
		assertThat(toCpu.measured()).isEqualTo("0.0 s to within 10 % of 2 threads");
	}

	@Test
	void aPoolThatStaysLargeNeverConverges() {
		WorkloadView view = shiftingView(new int[] { 24, 24, 96 }, new double[] { 1900, 990, 3900 },
				new double[] { 150, 210, 60 });
		GoalResult toCpu = Goals.convergence(view, 1);
		assertThat(toCpu.verdict()).isEqualTo(Verdict.MISS);
		assertThat(toCpu.limits()).contains("never came within 10 % of 2 threads").contains("decides every 500 ms");
	}

	@Test
	void overheadIsCheckedOnNoOpTasksOnly() {
		List<GoalResult> results = Goals.overhead(List.of(new Overhead("noop", 1, 4_000_000, 1, 3_000_000, 1),
				new Overhead("noop", 2, 2_000_000, 1, 1_900_000, 1), new Overhead("10us", 1, 90_000, 1, 10, 1)), 25);
		assertThat(results).extracting(GoalResult::verdict).containsExactly(Verdict.MISS, Verdict.PASS);
		assertThat(results.get(0).limits()).contains("0.75")
			.contains("about 83 ns more per task")
			.contains("a clock read costs 25.0 ns on this machine, so the extra is the price of 3.3 clock reads")
			.contains("against 250 ns for the whole no-op task")
			.doesNotContain("error intervals");
	}

	@Test
	void anOverheadMissWithinTheErrorBarsSaysSo() {
		List<GoalResult> results = Goals.overhead(List.of(new Overhead("noop", 2, 4_000_000, 1_000_000, 3_000_000,
				500_000)), 25);
		// at best 3.5 M against 3.0 M: the intervals allow a ratio above 0.9
		assertThat(results).singleElement().extracting(GoalResult::verdict).isEqualTo(Verdict.MISS);
		assertThat(results.get(0).limits()).contains("± 500,000 and ± 1,000,000 tasks/s")
			.contains("cannot tell whether the goal is missed");
	}

	@Test
	void withoutJmhResultsOverheadIsNotMeasured() {
		assertThat(Goals.overhead(List.of(), 25)).singleElement()
			.extracting(GoalResult::verdict)
			.isEqualTo(Verdict.NOT_MEASURED);
	}

	@Test
	void everyGoalAppearsForAFullSetOfResults() {
		List<WorkloadView> views = List.of(steadyView(3950, 60, 100),
				shiftingView(new int[] { 24, 2, 96 }, new double[] { 1900, 990, 3900 }, new double[] { 150, 210, 60 }));
		assertThat(Goals.evaluate(views, List.of(), 25)).extracting(GoalResult::goal)
			.contains(Goal.STEADY, Goal.PHASE_SHIFT, Goal.CONVERGENCE, Goal.OVERHEAD);
	}

	@Test
	void unseenScenariosPassWhenTheRatiosMeetTheGoals() {
		ScenarioSummary summary = ScenarioSummary.of(Fixtures.scenarioSet(1001, 150, new double[] { 1.0, 1.0 },
				new double[] { 0.99, 1.1 }, new double[] { 0.96, 1.4 }, new double[] { 1.01, 0.9 }));
		List<GoalResult> results = Goals.scenarios(List.of(summary));
		assertThat(results).extracting(GoalResult::goal)
			.containsExactly(Goal.SCENARIO_THROUGHPUT, Goal.SCENARIO_P99, Goal.SCENARIO_VIRTUAL_THREADS);
		assertThat(results.get(0).verdict()).isEqualTo(Verdict.PASS);
		assertThat(results.get(0).scope()).isEqualTo("seed 1001, 4 scenarios");
		assertThat(results.get(0).measured()).isEqualTo("median 1.00 ×, 10th percentile 0.97 ×, worst 0.96 ×");
		assertThat(results.get(1).verdict()).isEqualTo(Verdict.PASS);
		// betapool at 960 tasks/s is below 0.98 × virtual threads' 1000: three wins of four is 75 %
		assertThat(results.get(2).verdict()).isEqualTo(Verdict.PASS);
		assertThat(results.get(2).measured()).isEqualTo("3 wins, 0 losses, 1 below 0.98 × their throughput: 75 % of 4");
	}

	@Test
	void oneScenarioBelowTheWorstThroughputMissesAndIsNamed() {
		ScenarioSummary summary = ScenarioSummary.of(Fixtures.scenarioSet(1001, 150, new double[] { 1.0, 1.0 },
				new double[] { 0.93, 1.1 }, new double[] { 1.0, 1.0 }));
		GoalResult throughput = Goals.scenarios(List.of(summary)).get(0);
		assertThat(throughput.verdict()).isEqualTo(Verdict.MISS);
		assertThat(throughput.limits()).startsWith("1 scenario beyond 0.95 ×: s1001-02 (closed loop of 210): 0.93 × the "
				+ "throughput of static 16, with 16 threads on average, 20 at most (knee 16).");
	}

	@Test
	void aLongTailInOneScenarioOfTenMissesOnTheNinetiethPercentile() {
		double[][] ratios = new double[10][];
		for (int i = 0; i < 10; i++) {
			ratios[i] = new double[] { 1.0, (i < 2) ? 3.0 : 1.0 };
		}
		GoalResult p99 = Goals.scenarios(List.of(ScenarioSummary.of(Fixtures.scenarioSet(1001, 150, ratios)))).get(1);
		assertThat(p99.verdict()).isEqualTo(Verdict.MISS);
		assertThat(p99.measured()).isEqualTo("median 1.00 ×, 90th percentile 3.00 ×, worst 3.00 ×");
		assertThat(p99.limits()).contains("3.00 × the p99 (300 vs 100 ms)");
	}

	@Test
	void losingToVirtualThreadsTooOftenMisses() {
		GoalResult vt = Goals.scenarios(List.of(ScenarioSummary.of(Fixtures.scenarioSet(1001, 90,
				new double[] { 1.0, 1.0 }, new double[] { 1.0, 0.8 }, new double[] { 0.9, 0.8 })))).get(2);
		assertThat(vt.verdict()).isEqualTo(Verdict.MISS);
		assertThat(vt.limits()).isEqualTo("p99 no lower than virtual threads' in s1001-01; below 0.98 × their "
				+ "throughput in s1001-03.");
	}

	@Test
	void theTrainingSetIsShownButNotJudged() {
		ScenarioSummary training = ScenarioSummary.of(Fixtures.scenarioSet(1, 150, new double[] { 0.5, 5.0 }));
		assertThat(Goals.scenarios(List.of(training))).isEmpty();
	}

	/** The bursts workload: static 82 best at 3650 tasks/s and 70 ms, betapool with 40 threads. */
	private static WorkloadView burstsView(double adaptiveThroughput, double adaptiveP99) {
		WorkloadSpec spec = new WorkloadSpec("bursts", "Bursts after idle", List.of(Fixtures.phase("I/O", 0.5, 20)), 200,
				new Bursts(Duration.ofMillis(1500), List.of(Duration.ofSeconds(3), Duration.ofSeconds(3))));
		List<CellResult> cells = new ArrayList<>();
		cells.add(Fixtures.cell("bursts", CLOSED, Contender.fixed(32), 1600, 200, 32));
		cells.add(Fixtures.cell("bursts", CLOSED, Contender.fixed(82), 3650, 70, 82));
		cells.add(Fixtures.cell("bursts", CLOSED, Contender.fixed(256), 3600, 80, 256));
		cells.add(Fixtures.cell("bursts", CLOSED, ADAPTIVE, adaptiveThroughput, adaptiveP99, 40));
		return new WorkloadView(new WorkloadResults(spec, cells), Fixtures.CORES);
	}

	/** Mixed work (10 ms tasks) whose sweep's knee is 10, and betapool at {@code adaptiveThreads} throughout. */
	private static WorkloadView coldView(int adaptiveThreads) {
		List<CellResult> cells = new ArrayList<>();
		double[][] sweep = { { 4, 390 }, { 8, 780 }, { 10, 995 }, { 16, 1000 } };
		for (double[] point : sweep) {
			cells.add(Fixtures.cell("mixed", CLOSED, Contender.fixed((int) point[0]), point[1], 60, point[0]));
		}
		cells.add(Fixtures.cell("mixed", CLOSED, ADAPTIVE, 990, 60, adaptiveThreads));
		return new WorkloadView(new WorkloadResults(Fixtures.steady("mixed", 2, 8), cells), Fixtures.CORES);
	}

	private static WorkloadView steadyView(double adaptiveThroughput, double adaptiveP99, double adaptiveThreads) {
		WorkloadSpec spec = Fixtures.steady("io-heavy", 0.5, 20);
		List<CellResult> cells = new ArrayList<>();
		double[][] sweep = { { 32, 1500 }, { 64, 3000 }, { 96, 3890 }, { 128, 3960 }, { 256, 3900 } };
		for (double[] point : sweep) {
			cells.add(Fixtures.cell("io-heavy", CLOSED, Contender.fixed((int) point[0]), point[1], 60, point[0]));
		}
		cells.add(Fixtures.cell("io-heavy", CLOSED, ADAPTIVE, adaptiveThroughput, adaptiveP99, adaptiveThreads));
		return new WorkloadView(new WorkloadResults(spec, cells), Fixtures.CORES);
	}

	/**
	 * A workload whose closed-loop sweep peaks at 12 threads (knee 10) with the process at
	 * {@code cpuPercent}, and open-loop cells of static 6, 8 (the smallest within 10 % of the best p99) and
	 * 12, and of betapool at {@code adaptiveThreads}.
	 */
	private static WorkloadView openLoopView(LoadMode open, double cpuPercent, double adaptiveThreads) {
		List<CellResult> cells = new ArrayList<>();
		double[][] sweep = { { 4, 800 }, { 8, 1600 }, { 10, 1850 }, { 12, 1880 }, { 256, 1800 } };
		for (double[] point : sweep) {
			cells.add(Fixtures.withCpu(
					Fixtures.cell("contended", CLOSED, Contender.fixed((int) point[0]), point[1], 110, point[0]),
					cpuPercent));
		}
		cells.add(Fixtures.cell("contended", open, Contender.fixed(6), 1320, 40, 6));
		cells.add(Fixtures.cell("contended", open, Contender.fixed(8), 1320, 9.9, 8));
		cells.add(Fixtures.cell("contended", open, Contender.fixed(12), 1320, 9.3, 12));
		cells.add(Fixtures.cell("contended", open, ADAPTIVE, 1320, 9.3, adaptiveThreads));
		return new WorkloadView(new WorkloadResults(Fixtures.steady("contended", 0.5, 4), cells), Fixtures.CORES);
	}

	private static WorkloadView shiftingView(int[] adaptiveThreads, double[] adaptiveThroughput, double[] adaptiveP99) {
		List<CellResult> cells = new ArrayList<>();
		cells.add(Fixtures.shiftingCell(CLOSED, Contender.fixed(2), new double[] { 200, 1000, 190 },
				new double[] { 1000, 190, 1000 }, new int[] { 2, 2, 2 }));
		cells.add(Fixtures.shiftingCell(CLOSED, Contender.fixed(32), new double[] { 1950, 995, 1500 },
				new double[] { 110, 300, 140 }, new int[] { 32, 32, 32 }));
		cells.add(Fixtures.shiftingCell(CLOSED, Contender.fixed(128), new double[] { 1960, 990, 3950 },
				new double[] { 120, 400, 55 }, new int[] { 128, 128, 128 }));
		cells.add(Fixtures.shiftingCell(CLOSED, ADAPTIVE, adaptiveThroughput, adaptiveP99, adaptiveThreads));
		return new WorkloadView(new WorkloadResults(Fixtures.shifting(), cells), Fixtures.CORES);
	}

}
