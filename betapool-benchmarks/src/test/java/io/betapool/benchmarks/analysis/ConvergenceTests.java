package io.betapool.benchmarks.analysis;

import java.util.ArrayList;
import java.util.List;

import io.betapool.benchmarks.result.Sample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Convergence}.
 */
class ConvergenceTests {

	@Test
	void convergenceIsTheFirstSampleWithinTenPercentAfterTheStart() {
		List<Sample> samples = samples(64, 64, 64, 40, 20, 3, 2, 2);
		assertThat(Convergence.seconds(samples, 0.25, 1, 2)).isCloseTo(0.4, within(1e-9));
	}

	@Test
	void samplesBeforeTheStartDoNotCount() {
		List<Sample> samples = samples(2, 2, 64, 64, 2);
		assertThat(Convergence.seconds(samples, 0.2, 1, 2)).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void tenPercentOfALargeTargetIsEnough() {
		List<Sample> samples = samples(2, 60, 90, 100);
		assertThat(Convergence.seconds(samples, 0, 1, 100)).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void aPoolThatNeverGetsThereHasNoConvergenceTime() {
		List<Sample> samples = samples(64, 64, 64);
		assertThat(Convergence.seconds(samples, 0, 0.2, 2)).isNaN();
		assertThat(Convergence.threadsAt(samples, 0.15)).isEqualTo(64);
		assertThat(Convergence.threadsAt(samples, -1)).isEqualTo(-1);
	}

	private static List<Sample> samples(int... threads) {
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < threads.length; i++) {
			samples.add(new Sample(i * 0.1 + 0.05, threads[i], i, Double.NaN, -1, 0));
		}
		return samples;
	}

}
