package io.betapool.benchmarks.result;

import java.util.List;

import io.betapool.Policy;
import io.betapool.benchmarks.Fixtures;
import io.betapool.benchmarks.contender.Contender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WorkloadResults}: a contender measured in several rounds is seen through its median
 * round.
 */
class WorkloadResultsTests {

	private static final Contender ADAPTIVE = Contender.betapool(Policy.ADAPTIVE);

	private static final Contender STATIC = Contender.repeat(64);

	@Test
	void theClosedLoopTakesTheRoundOfMedianThroughput() {
		LoadMode closed = LoadMode.closed();
		WorkloadResults results = results(round(closed, ADAPTIVE, 1, 3400, 70), round(closed, STATIC, 1, 3600, 60),
				round(closed, ADAPTIVE, 2, 3550, 90), round(closed, ADAPTIVE, 3, 3500, 50));
		assertThat(results.cell(closed, ADAPTIVE.id()).orElseThrow().round()).isEqualTo(3);
		assertThat(results.cell(closed, STATIC.id()).orElseThrow().round()).isEqualTo(1);
		assertThat(results.rounds(closed, ADAPTIVE.id())).extracting(CellResult::round).containsExactly(1, 2, 3);
	}

	@Test
	void theOpenLoopTakesTheRoundOfMedianP99AndTheWorseOfTwo() {
		LoadMode open = LoadMode.open(0.9);
		WorkloadResults results = results(round(open, ADAPTIVE, 1, 3000, 40), round(open, ADAPTIVE, 2, 3000, 90),
				round(open, ADAPTIVE, 3, 3000, 60), round(open, STATIC, 1, 3000, 30), round(open, STATIC, 2, 3000, 45));
		assertThat(results.cell(open, ADAPTIVE.id()).orElseThrow().round()).isEqualTo(3);
		assertThat(results.cell(open, STATIC.id()).orElseThrow().round()).isEqualTo(2);
	}

	@Test
	void eachContenderAppearsOnceInTheOrderItFirstRan() {
		LoadMode closed = LoadMode.closed();
		WorkloadResults results = results(round(closed, STATIC, 1, 3600, 60), round(closed, ADAPTIVE, 1, 3400, 70),
				round(closed, STATIC, 2, 3500, 60), round(closed, ADAPTIVE, 2, 3450, 70),
				round(LoadMode.open(0.5), ADAPTIVE, 1, 1800, 30));
		assertThat(results.cells(closed)).extracting((cell) -> cell.contender().id())
			.containsExactly(STATIC.id(), ADAPTIVE.id());
		assertThat(results.cells(closed)).extracting(CellResult::round).containsExactly(2, 1);
		assertThat(results.cells()).hasSize(5);
	}

	private static WorkloadResults results(CellResult... cells) {
		return new WorkloadResults(Fixtures.steady("io-heavy", 0.5, 20), List.of(cells));
	}

	private static CellResult round(LoadMode mode, Contender contender, int round, double throughput, double p99Ms) {
		CellResult cell = Fixtures.cell("io-heavy", mode, contender, throughput, p99Ms, 80);
		return new CellResult(cell.workload(), mode, contender, round, cell.offeredRates(), cell.overall(),
				cell.phases(), cell.rssBaselineMb(), cell.rssPeakMb(), cell.cpuPercent(), cell.failures(),
				cell.decisions(), cell.timeline());
	}

}
