package io.betapool.benchmarks.analysis;

import java.util.ArrayList;
import java.util.List;

import io.betapool.Policy;
import io.betapool.benchmarks.Fixtures;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.Sample;
import io.betapool.benchmarks.result.WorkloadResults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link WorkloadView}: the settled throughput behind {@link WorkloadView#steadySweep}, and the
 * best static pool measured again.
 */
class WorkloadViewTests {

	private static final LoadMode CLOSED = LoadMode.closed();

	@Test
	void theBestStaticSizeIsComparedInItsOwnCellNotInTheSweepCellThatWonIt() {
		List<CellResult> cells = new ArrayList<>();
		cells.add(Fixtures.cell("io-heavy", CLOSED, Contender.fixed(64), 3000, 50, 64));
		cells.add(Fixtures.cell("io-heavy", CLOSED, Contender.fixed(80), 3600, 60, 80));
		cells.add(Fixtures.cell("io-heavy", CLOSED, Contender.fixed(256), 3400, 140, 256));
		cells.add(Fixtures.cell("io-heavy", CLOSED, Contender.repeat(80), 3450, 62, 80));
		CellResult adaptive = Fixtures.cell("io-heavy", CLOSED, Contender.betapool(Policy.ADAPTIVE), 3400, 60, 82);
		cells.add(adaptive);
		WorkloadView view = new WorkloadView(new WorkloadResults(Fixtures.steady("io-heavy", 0.5, 20), cells),
				Fixtures.CORES);

		// the sweep, its best size and its knee stay the sweep's; the comparison uses the repeated cell
		assertThat(view.bestStaticSize()).isEqualTo(80);
		assertThat(view.sweep().best().throughput()).isEqualTo(3600);
		assertThat(view.sweep().points()).hasSize(3);
		assertThat(view.bestStatic(CLOSED)).get().extracting((cell) -> cell.contender().id()).isEqualTo("static-80-repeat");
		assertThat(view.ratioToBestStatic(adaptive)).isCloseTo(3400 / 3450.0, within(1e-9));
		assertThat(view.rows(CLOSED)).extracting(WorkloadView.Row::label)
			.startsWith("static 256 (naive)", "static 80 (best static, measured again)");
	}

	@Test
	void withoutARepeatedCellTheSweepCellIsTheBestStatic() {
		LoadMode open = LoadMode.open(0.5);
		List<CellResult> cells = List.of(Fixtures.cell("io-heavy", CLOSED, Contender.fixed(80), 3600, 60, 80),
				Fixtures.cell("io-heavy", CLOSED, Contender.repeat(80), 3450, 62, 80),
				Fixtures.cell("io-heavy", open, Contender.fixed(80), 1800, 30, 80));
		WorkloadView view = new WorkloadView(new WorkloadResults(Fixtures.steady("io-heavy", 0.5, 20), cells),
				Fixtures.CORES);

		assertThat(view.bestStatic(open)).get().extracting((cell) -> cell.contender().id()).isEqualTo("static-80");
		assertThat(view.rows(open)).extracting(WorkloadView.Row::label).containsExactly("static 80 (best static)");
	}

	@Test
	void settledThroughputCountsOnlyTheSamplesInsideTheWindow() {
		// 10 tasks per 100 ms for the first second (the old phase's leftovers), then 100 per 100 ms
		List<Sample> samples = new ArrayList<>();
		long completed = 0;
		for (int i = 0; i <= 30; i++) {
			samples.add(new Sample(i * 0.1, 8, completed, Double.NaN, 8, 0));
			completed += (i < 10) ? 10 : 100;
		}
		assertThat(WorkloadView.throughput(samples, 1.0, 3.05)).isCloseTo(1000, within(1e-6));
		assertThat(WorkloadView.throughput(samples, 0.0, 3.05)).isCloseTo(2100 / 3.0, within(1e-6));
	}

	@Test
	void aWindowWithFewerThanTwoSamplesHasNoThroughput() {
		List<Sample> samples = List.of(new Sample(0.0, 8, 0, Double.NaN, 8, 0), new Sample(0.1, 8, 10, Double.NaN, 8, 0));
		assertThat(WorkloadView.throughput(samples, 0.05, 1.0)).isNaN();
		assertThat(WorkloadView.throughput(samples, 2.0, 3.0)).isNaN();
	}

}
