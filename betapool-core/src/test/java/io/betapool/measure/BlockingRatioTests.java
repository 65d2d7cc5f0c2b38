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
	void correctedRatioRemovesTheLargerOfRunQueueDelayAndTimeBlockedOnMonitors() {
		// 62 ms of I/O and 3 ms of CPU per task, with 20 ms waiting for a core and 55 ms blocked on a lock
		long wall = 120_000_000;
		assertThat(BlockingRatio.corrected(3_000_000, wall, 20_000_000)).isCloseTo(0.97, within(1e-12));
		assertThat(BlockingRatio.corrected(3_000_000, wall, 20_000_000, 55_000_000))
			.isCloseTo(1 - 3.0 / 65, within(1e-12));
		// the two may overlap: the larger is removed, never their sum
		assertThat(BlockingRatio.corrected(3_000_000, wall, 55_000_000, 20_000_000))
			.isEqualTo(BlockingRatio.corrected(3_000_000, wall, 55_000_000));
		assertThat(BlockingRatio.corrected(3_000_000, wall, 20_000_000, -1))
			.isEqualTo(BlockingRatio.corrected(3_000_000, wall, 20_000_000));
		assertThat(BlockingRatio.corrected(3_000_000, wall, 60_000_000, 120_000_000)).isNaN();
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
