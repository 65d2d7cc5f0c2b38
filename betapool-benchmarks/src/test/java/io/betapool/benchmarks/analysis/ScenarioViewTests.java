package io.betapool.benchmarks.analysis;

import java.util.List;

import io.betapool.Policy;
import io.betapool.benchmarks.Fixtures;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.result.ScenarioCell;
import io.betapool.benchmarks.result.ScenarioResult;
import io.betapool.benchmarks.result.ScenarioSet;
import io.betapool.benchmarks.workload.Arrival;
import io.betapool.benchmarks.workload.Scenario;
import io.betapool.benchmarks.workload.ServiceShape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link ScenarioView} and {@link ScenarioSummary} on synthetic figures.
 */
class ScenarioViewTests {

	private static final Scenario SCENARIO = new Scenario(1, 0, Arrival.POISSON, 20, null,
			List.of(new Scenario.Work(1, 9, 0, ServiceShape.FIXED, 0.7)));

	private static final Contender ADAPTIVE = Contender.betapool(Policy.ADAPTIVE);

	@Test
	void theBestStaticHasTheLowestTailAmongThoseWithinTwoPercentOfTheTopThroughput() {
		ScenarioView view = view(Fixtures.scenarioCell(Contender.fixed(8), 600, 900, 8),
				Fixtures.scenarioCell(Contender.fixed(14), 990, 40, 14), Fixtures.scenarioCell(Contender.fixed(20), 1000, 30, 20),
				Fixtures.scenarioCell(Contender.fixed(28), 985, 25, 28), Fixtures.scenarioCell(Contender.fixed(40), 950, 20, 40),
				Fixtures.scenarioCell(ADAPTIVE, 995, 33, 26));
		// 40 has the lowest p99 but is outside the band; 28 is in it
		assertThat(view.best().map((cell) -> cell.contender().size())).hasValue(28);
		// the smallest size in the band within 10 % of 25 ms: 20 is at 30 ms, so 28
		assertThat(view.knee()).isEqualTo(28);
		ScenarioCell adaptive = view.adaptive().orElseThrow();
		assertThat(view.throughputRatio(adaptive)).isCloseTo(995 / 985.0, within(1e-9));
		assertThat(view.p99Ratio(adaptive)).isCloseTo(33 / 25.0, within(1e-9));
		assertThat(view.threadsRatio(adaptive)).isCloseTo(26 / 28.0, within(1e-9));
	}

	@Test
	void theKneeIsTheSmallestSizeAsGoodAsTheBest() {
		ScenarioView view = view(Fixtures.scenarioCell(Contender.fixed(10), 1000, 21, 10),
				Fixtures.scenarioCell(Contender.fixed(20), 1000, 20, 20));
		assertThat(view.best().map((cell) -> cell.contender().size())).hasValue(20);
		assertThat(view.knee()).isEqualTo(10);
	}

	@Test
	void withoutStaticPoolsThereIsNothingToCompareWith() {
		ScenarioView view = view(Fixtures.scenarioCell(ADAPTIVE, 995, 33, 26));
		assertThat(view.best()).isEmpty();
		assertThat(view.knee()).isZero();
		assertThat(view.throughputRatio(view.adaptive().orElseThrow())).isNaN();
	}

	@Test
	void theModelKneeIsCappedByWhatCanBeBusy() {
		Scenario closed = new Scenario(1, 0, Arrival.CLOSED, 30, null,
				List.of(new Scenario.Work(0.1, 50, 0, ServiceShape.FIXED, 0.5)));
		assertThat(new ScenarioView(closed, new ScenarioResult(0, "s1-01", List.of()), 2).modelKnee()).isEqualTo(30);
		assertThat(new ScenarioView(SCENARIO, new ScenarioResult(0, "s1-01", List.of()), 2).modelKnee())
			.isCloseTo(20, within(1e-9));
	}

	@Test
	void theSummaryGivesTheDistributionOfBetapoolsRatios() {
		ScenarioSet set = Fixtures.scenarioSet(1001, 150, new double[] { 1.0, 1.0 }, new double[] { 0.9, 2.0 },
				new double[] { 1.02, 0.8 }, new double[] { 1.0, 1.6 }, new double[] { 0.99, 1.05 });
		ScenarioSummary summary = ScenarioSummary.of(set);
		assertThat(summary.views()).hasSize(5);
		assertThat(summary.throughput().median()).isCloseTo(1.0, within(1e-9));
		assertThat(summary.throughput().min()).isCloseTo(0.9, within(1e-9));
		assertThat(summary.p99().median()).isCloseTo(1.05, within(1e-9));
		assertThat(summary.p99().max()).isCloseTo(2.0, within(1e-9));
		assertThat(summary.threads().median()).isCloseTo(1.0, within(1e-9));
		// virtual threads: 1000 tasks/s at 150 ms; betapool below 980 tasks/s in one scenario, at 160 ms in one
		assertThat(summary.againstVirtualThreads()).isEqualTo(5);
		assertThat(summary.winsOverVirtualThreads()).isEqualTo(3);
		assertThat(summary.lossesToVirtualThreads()).isEqualTo(1);
		assertThat(summary.winShare()).isCloseTo(0.6, within(1e-9));
	}

	@Test
	void aSetWithoutVirtualThreadsHasNoWinShare() {
		ScenarioSet set = Fixtures.scenarioSet(1001, 150, new double[] { 1.0, 1.0 });
		ScenarioSet without = new ScenarioSet(set.seed(), set.seconds(), set.cores(), set.iterationsPerCpuMs(), false,
				set.started(), set.minutes(), set.command(), set.jdk(), "", List.of(new ScenarioResult(0, "s1001-01",
						set.scenarios().get(0).cells().stream()
							.filter((cell) -> !cell.contender().equals(Contender.virtualThreads()))
							.toList())));
		assertThat(ScenarioSummary.of(without).againstVirtualThreads()).isZero();
		assertThat(ScenarioSummary.of(without).winShare()).isNaN();
	}

	private static ScenarioView view(ScenarioCell... cells) {
		return new ScenarioView(SCENARIO, new ScenarioResult(0, "s1-01", List.of(cells)), Fixtures.CORES);
	}

}
