package io.betapool.benchmarks.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link PhysicalLimit}.
 */
class PhysicalLimitTests {

	@Test
	void fewThreadsAreLimitedByTheirWaiting() {
		assertThat(PhysicalLimit.throughput(2, 1, 9, 0, 8)).isCloseTo(800, within(1e-9));
	}

	@Test
	void manyThreadsAreLimitedByTheCores() {
		assertThat(PhysicalLimit.throughput(2, 1, 9, 0, 200)).isCloseTo(2000, within(1e-9));
		assertThat(PhysicalLimit.throughput(2, 1, 9, 0, Double.POSITIVE_INFINITY)).isCloseTo(2000, within(1e-9));
	}

	@Test
	void theKneeIsGoetzsSizeWithoutALock() {
		assertThat(PhysicalLimit.kneeThreads(2, 1, 9, 0)).isCloseTo(20, within(1e-9));
		assertThat(PhysicalLimit.kneeThreads(2, 2, 0, 0)).isCloseTo(2, within(1e-9));
	}

	@Test
	void aSharedLockCapsThroughputAndLowersTheKnee() {
		assertThat(PhysicalLimit.throughput(2, 0.5, 4, 0.5, 200)).isCloseTo(2000, within(1e-9));
		assertThat(PhysicalLimit.throughput(2, 0.5, 4, 0.5, 4.5)).isCloseTo(1000, within(1e-9));
		assertThat(PhysicalLimit.kneeThreads(2, 0.5, 4, 0.5)).isCloseTo(9, within(1e-9));
	}

	@Test
	void workWithoutCpuIsBoundOnlyByItsConcurrency() {
		assertThat(PhysicalLimit.throughput(2, 0, 10, 0, 50)).isCloseTo(5000, within(1e-9));
		assertThat(PhysicalLimit.kneeThreads(2, 0, 10, 0)).isInfinite();
	}

	@Test
	void invalidTimesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> PhysicalLimit.throughput(0, 1, 1, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> PhysicalLimit.throughput(2, -1, 1, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> PhysicalLimit.throughput(2, 1, 1, 2, 1))
			.withMessageContaining("serialMs");
		assertThatIllegalArgumentException().isThrownBy(() -> PhysicalLimit.throughput(2, 1, 1, 0, -1));
	}

}
