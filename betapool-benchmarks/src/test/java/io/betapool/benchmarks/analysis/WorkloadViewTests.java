package io.betapool.benchmarks.analysis;

import java.util.ArrayList;
import java.util.List;

import io.betapool.benchmarks.result.Sample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for the settled throughput behind {@link WorkloadView#steadySweep}.
 */
class WorkloadViewTests {

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
