package io.betapool.benchmarks.twopools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.betapool.benchmarks.contender.VirtualThreads;
import io.betapool.benchmarks.workload.Calibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TwoPoolsTests {

	@TempDir
	Path out;

	@Test
	void aShortRunMeasuresEverySetupAndWritesTheSectionIntoTheReport() throws Exception {
		Files.writeString(this.out.resolve("benchmarks.md"), "# Report\n\n## Files\n\n- a\n");
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		// cells of a second: in the full test run a 300 ms cell once counted no completed task for either pool
		// of a side-by-side setup (static 3 and 180 threads, which start their threads as tasks arrive)
		TwoPools run = new TwoPools(new Calibration(100_000), 2, Duration.ofSeconds(1),
				new PrintStream(progress, true, StandardCharsets.UTF_8));
		TwoPoolResults results = run.run();
		assertThat(results.setups()).hasSize(VirtualThreads.available() ? 4 : 3);
		assertThat(results.setups().get(0).setup()).isEqualTo(TwoPoolResults.COORDINATED);
		// side by side, one pool may get no core in so short a cell (virtual threads starve the I/O pool):
		// every figure is measured, and the pools together complete tasks
		for (SetupResult setup : results.setups()) {
			assertThat(setup.cpu().tasksPerSecond()).as(setup.setup()).isNotNegative();
			assertThat(setup.io().tasksPerSecond()).as(setup.setup()).isNotNegative();
			assertThat(setup.cpu().tasksPerSecond() + setup.io().tasksPerSecond()).as(setup.setup()).isPositive();
			assertThat(setup.meanTotalThreads()).as(setup.setup()).isPositive();
		}
		// alone, each pool completes tasks at every size
		assertThat(results.cpuAlone()).allSatisfy((a) -> assertThat(a.figures().tasksPerSecond()).isPositive());
		assertThat(results.ioAlone()).allSatisfy((a) -> assertThat(a.figures().tasksPerSecond()).isPositive());
		assertThat(results.cpuAlone()).extracting(TwoPoolResults.Alone::size).containsExactly(1, 2, 3, 4);
		TwoPoolReport.write(this.out, results, "command", Instant.now(), Duration.ofSeconds(1));
		String report = Files.readString(this.out.resolve("benchmarks.md"));
		assertThat(report).contains("## Two pools in one process", TwoPoolResults.COORDINATED,
				TwoPoolResults.INDEPENDENT, "two static pools");
		assertThat(Files.readAllLines(this.out.resolve("benchmarks/two-pools.csv")))
			.hasSize(1 + results.cpuAlone().size() + results.ioAlone().size() + 2 * results.setups().size());
	}

	@Test
	void badArgumentsAreNamedWithTheirValue() {
		assertThat(TwoPools.seconds("1.5s")).isEqualTo(1.5);
		assertThat(TwoPools.seconds("6")).isEqualTo(6.0);
		for (String bad : new String[] { "abc", "0", "-2s", "NaN", "Infinity", "" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> TwoPools.seconds(bad))
				.withMessage("--seconds must be a positive number of seconds, but was '" + bad + "'");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> TwoPools.value(new String[] { "--out" }, 1))
			.withMessage("--out needs a value");
	}

}
