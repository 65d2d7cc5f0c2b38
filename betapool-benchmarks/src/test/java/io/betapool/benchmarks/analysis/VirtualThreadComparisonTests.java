package io.betapool.benchmarks.analysis;

import java.util.List;

import io.betapool.Policy;
import io.betapool.benchmarks.Fixtures;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.WorkloadResults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VirtualThreadComparison}.
 */
class VirtualThreadComparisonTests {

	private static final LoadMode OPEN = LoadMode.open(0.7);

	@Test
	void virtualThreadsWinWithTopThroughputAndTheLowestTail() {
		VirtualThreadComparison.Match match = match(cell(Contender.virtualThreads(), 1000, 20),
				cell(Contender.fixed(16), 1000, 25), cell(Contender.betapool(Policy.ADAPTIVE), 995, 30));
		assertThat(match.virtualThreadsWin()).isTrue();
		assertThat(match.platform().contender()).isEqualTo(Contender.fixed(16));
	}

	@Test
	void aPlatformPoolWithALowerTailWins() {
		VirtualThreadComparison.Match match = match(cell(Contender.virtualThreads(), 1000, 206),
				cell(Contender.fixed(16), 1000, 11), cell(Contender.fixed(256), 1000, 9));
		assertThat(match.virtualThreadsWin()).isFalse();
		assertThat(match.platform().contender()).isEqualTo(Contender.fixed(256));
		assertThat(match.p99Ratio()).isGreaterThan(20);
	}

	@Test
	void platformPoolsFarBelowTheTopThroughputDoNotCount() {
		VirtualThreadComparison.Match match = match(cell(Contender.virtualThreads(), 1020, 200),
				cell(Contender.springDefault(), 330, 20), cell(Contender.fixed(128), 1030, 400));
		assertThat(match.platform().contender()).isEqualTo(Contender.fixed(128));
		assertThat(match.virtualThreadsWin()).isTrue();
	}

	@Test
	void virtualThreadsAloneAtTheTopWinWhateverTheTail() {
		VirtualThreadComparison.Match match = match(cell(Contender.virtualThreads(), 843, 421),
				cell(Contender.fixed(256), 457, 240));
		assertThat(match.virtualThreadsWin()).isTrue();
		assertThat(match.platform().contender()).isEqualTo(Contender.fixed(256));
	}

	@Test
	void virtualThreadsFarBelowTheTopLose() {
		VirtualThreadComparison.Match match = match(cell(Contender.virtualThreads(), 500, 5),
				cell(Contender.fixed(8), 1000, 50));
		assertThat(match.virtualThreadsWin()).isFalse();
		assertThat(match.throughputRatio()).isEqualTo(0.5);
	}

	@Test
	void withoutVirtualThreadsThereIsNothingToCompare() {
		WorkloadView view = new WorkloadView(new WorkloadResults(Fixtures.steady("w", 1, 9),
				List.of(cell(Contender.fixed(8), 1000, 50))), Fixtures.CORES);
		assertThat(VirtualThreadComparison.compare(List.of(view))).isEmpty();
	}

	private static VirtualThreadComparison.Match match(CellResult... cells) {
		WorkloadView view = new WorkloadView(new WorkloadResults(Fixtures.steady("w", 1, 9), List.of(cells)),
				Fixtures.CORES);
		return VirtualThreadComparison.compare(view, OPEN).orElseThrow();
	}

	private static CellResult cell(Contender contender, double throughput, double p99) {
		return Fixtures.cell("w", OPEN, contender, throughput, p99, 8);
	}

}
