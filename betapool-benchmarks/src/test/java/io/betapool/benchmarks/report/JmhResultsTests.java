package io.betapool.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.betapool.benchmarks.result.Overhead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link JmhResults}.
 */
class JmhResultsTests {

	private static final String RESULTS = """
			[
			  {"benchmark": "io.betapool.benchmarks.jmh.ExecutorOverheadBenchmark.batch", "mode": "thrpt", "threads": 1,
			   "params": {"type": "threadPoolExecutor", "task": "noop", "threads": "2"},
			   "primaryMetric": {"score": 2000000.0, "scoreError": 10000.0, "scoreUnit": "ops/s"}},
			  {"benchmark": "io.betapool.benchmarks.jmh.ExecutorOverheadBenchmark.batch", "mode": "thrpt", "threads": 1,
			   "params": {"type": "betapool", "task": "noop", "threads": "2"},
			   "primaryMetric": {"score": 1800000.0, "scoreError": "NaN", "scoreUnit": "ops/s"}},
			  {"benchmark": "io.betapool.benchmarks.jmh.ExecutorOverheadBenchmark.batch", "mode": "thrpt", "threads": 1,
			   "params": {"type": "betapool", "task": "noop", "threads": "1"},
			   "primaryMetric": {"score": 900000.0, "scoreError": 1.0, "scoreUnit": "ops/s"}},
			  {"benchmark": "something.Else", "primaryMetric": {"score": 1.0}}
			]
			""";

	@Test
	void betapoolIsPairedWithThreadPoolExecutorAtTheSameTaskAndThreads() {
		List<Overhead> overheads = JmhResults.parse(RESULTS);
		assertThat(overheads).singleElement().satisfies((overhead) -> {
			assertThat(overhead.task()).isEqualTo("noop");
			assertThat(overhead.threads()).isEqualTo(2);
			assertThat(overhead.ratio()).isCloseTo(0.9, within(1e-12));
			assertThat(overhead.betapoolError()).isNaN();
			assertThat(overhead.threadPoolExecutorError()).isEqualTo(10000.0);
		});
	}

	@Test
	void aMissingFileMeansNoResults(@TempDir Path dir) throws IOException {
		assertThat(JmhResults.read(dir.resolve("jmh.json"))).isEmpty();
	}

}
