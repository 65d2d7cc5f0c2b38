package io.betapool.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BlockingRatioTests {

	@Test
	void rawRatioIsOneMinusCpuOverWall() {
		assertThat(BlockingRatio.of(2_000_000, 10_000_000)).isCloseTo(0.8, within(1e-12));
		assertThat(BlockingRatio.of(10, 10)).isZero();
	}

	@Test
	void correctedRatioRemovesRunQueueDelayFromWall() {
		// pure CPU work with four threads on two cores: half its wall time waits for a core
		assertThat(BlockingRatio.of(5_000_000, 10_000_000)).isCloseTo(0.5, within(1e-12));
		assertThat(BlockingRatio.corrected(5_000_000, 10_000_000, 5_000_000)).isZero();
		assertThat(BlockingRatio.corrected(2_000_000, 12_000_000, 2_000_000)).isCloseTo(0.8, within(1e-12));
	}

	@Test
	void resultsAreClampedToTheUnitInterval() {
		assertThat(BlockingRatio.of(12, 10)).isZero();
		assertThat(BlockingRatio.of(-5, 10)).isEqualTo(1.0);
		assertThat(BlockingRatio.corrected(1, 10, -3)).isCloseTo(0.9, within(1e-12));
	}

	@Test
	void noWallTimeGivesNaN() {
		assertThat(BlockingRatio.of(0, 0)).isNaN();
		assertThat(BlockingRatio.corrected(5, 10, 10)).isNaN();
		assertThat(BlockingRatio.clamp(Double.NaN)).isNaN();
	}

}
