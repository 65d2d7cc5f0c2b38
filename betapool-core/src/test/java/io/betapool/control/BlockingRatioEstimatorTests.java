package io.betapool.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BlockingRatioEstimatorTests {

	private final BlockingRatioEstimator estimator = new BlockingRatioEstimator(Samples.SETTINGS);

	@Test
	void takesTheFirstMeasurementAsItIs() {
		assertThat(this.estimator.value()).isNaN();
		assertThat(this.estimator.update(0.8)).isEqualTo(0.8);
		assertThat(this.estimator.changed()).isFalse();
	}

	@Test
	void followsTheFirstMeasurementsUnsmoothedUntilTwoTicksAgree() {
		// a cold pool's first tick reads β 0.07 for CPU-bound work (threads starting, a young JVM), the next 0.01
		this.estimator.update(0.07);
		assertThat(this.estimator.isSettling()).isTrue();
		assertThat(this.estimator.update(0.01)).isEqualTo(0.01);
		assertThat(this.estimator.isSettling()).isFalse();
		// settled: smoothed again
		assertThat(this.estimator.update(0.05)).isStrictlyBetween(0.01, 0.05);
	}

	@Test
	void smoothsSmallChangesOfTheCpuShareGeometricallyWithTheNewestTickWeightedByHalf() {
		this.estimator.update(0.8);
		this.estimator.update(0.8);
		// 1 − β̂ = √(0.2 · 0.15), then 0.2^¼ · 0.15^¾
		assertThat(this.estimator.update(0.85)).isCloseTo(1 - Math.sqrt(0.2 * 0.15), within(1e-9));
		assertThat(this.estimator.changed()).isFalse();
		assertThat(this.estimator.update(0.85)).isCloseTo(1 - Math.pow(0.2, 0.25) * Math.pow(0.15, 0.75),
				within(1e-9));
	}

	@Test
	void judgesAChangeByTheKneeItImpliesNotByTheDifferenceOfTheRatios() {
		// 0.90 → 0.99 makes the knee tenfold: new work, though β moved by 0.09
		this.estimator.update(0.9);
		assertThat(this.estimator.update(0.99)).isEqualTo(0.99);
		assertThat(this.estimator.changed()).isTrue();
		// 0.10 → 0.19 moves the knee by a tenth: the same work, smoothed
		BlockingRatioEstimator other = new BlockingRatioEstimator(Samples.SETTINGS);
		other.update(0.1);
		other.update(0.1);
		assertThat(other.update(0.19)).isStrictlyBetween(0.1, 0.19);
		assertThat(other.changed()).isFalse();
	}

	@Test
	void measuresDistanceAsTheLogOfTheRatioOfCpuShares() {
		assertThat(BlockingRatioEstimator.distance(0.9, 0.99)).isCloseTo(Math.log(10), within(1e-9));
		assertThat(BlockingRatioEstimator.distance(0.99, 0.9)).isCloseTo(Math.log(10), within(1e-9));
		assertThat(BlockingRatioEstimator.distance(0.5, 0.5)).isZero();
		// β = 1 counts as a CPU share of MIN_CPU_SHARE: finite
		assertThat(BlockingRatioEstimator.distance(1.0, 0.9))
			.isCloseTo(Math.log(0.1 / BlockingRatioEstimator.MIN_CPU_SHARE), within(1e-9));
	}

	@Test
	void jumpsToNewWorkAndFollowsItUnsmoothedUntilTwoTicksAgree() {
		this.estimator.update(0.9);
		assertThat(this.estimator.update(0.1)).isEqualTo(0.1);
		assertThat(this.estimator.changed()).isTrue();
		assertThat(this.estimator.isSettling()).isTrue();
		assertThat(this.estimator.update(0.3)).isEqualTo(0.3);
		assertThat(this.estimator.isSettling()).isTrue();
		assertThat(this.estimator.update(0.32)).isEqualTo(0.32);
		assertThat(this.estimator.isSettling()).isFalse();
		assertThat(this.estimator.update(0.36)).isCloseTo(1 - Math.sqrt(0.68 * 0.64), within(1e-9));
	}

	@Test
	void settlesAfterAtMostFiveTicksOfChangingWork() {
		this.estimator.update(0.9);
		this.estimator.update(0.1);
		for (int i = 0; i < BlockingRatioEstimator.SETTLING_TICKS; i++) {
			assertThat(this.estimator.isSettling()).isTrue();
			this.estimator.update((i % 2 == 0) ? 0.3 : 0.1);
		}
		assertThat(this.estimator.isSettling()).isFalse();
	}

	@Test
	void aTickWithNothingToMeasureLeavesTheEstimate() {
		this.estimator.update(0.6);
		assertThat(this.estimator.update(Double.NaN)).isEqualTo(0.6);
		assertThat(this.estimator.changed()).isFalse();
	}

	@Test
	void aTickBeyondTheSameWorkButShortOfARegimeChangeDriftsUntilATickAgrees() {
		this.estimator.update(0.77);
		this.estimator.update(0.77);
		assertThat(this.estimator.isDrifting()).isFalse();
		// old and new work in one tick: the CPU share falls from 0.23 to 0.165, a factor 1.39 (> 1.25, < 2)
		this.estimator.update(0.835);
		assertThat(this.estimator.changed()).isFalse();
		assertThat(this.estimator.isSettling()).isFalse();
		assertThat(this.estimator.isDrifting()).isTrue();
		// a tick that agrees with β̂ within the same work ends the drift, and so does one with nothing to measure
		double estimate = this.estimator.value();
		this.estimator.update(1 - (1 - estimate) * 1.1);
		assertThat(this.estimator.isDrifting()).isFalse();
		this.estimator.update(0.85);
		assertThat(this.estimator.isDrifting()).isTrue();
		this.estimator.update(Double.NaN);
		assertThat(this.estimator.isDrifting()).isFalse();
		// a regime change is a jump, not a drift
		this.estimator.update(0.999);
		assertThat(this.estimator.changed()).isTrue();
		assertThat(this.estimator.isDrifting()).isFalse();
	}

	@Test
	void aLookIsNewWorkOnlyWhenItDiffersByARegimeChange() {
		assertThat(this.estimator.isNewWork(0.0)).isFalse();
		this.estimator.update(0.1);
		assertThat(this.estimator.isNewWork(0.3)).isFalse();
		assertThat(this.estimator.isNewWork(0.9)).isTrue();
	}

}
