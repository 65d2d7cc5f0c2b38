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
	void smoothsSmallChangesWithTheNewestTickWeightedByHalf() {
		this.estimator.update(0.8);
		assertThat(this.estimator.update(0.9)).isCloseTo(0.85, within(1e-9));
		assertThat(this.estimator.update(0.9)).isCloseTo(0.875, within(1e-9));
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
		assertThat(this.estimator.update(0.36)).isCloseTo(0.34, within(1e-9));
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
	void aLookIsNewWorkOnlyWhenItDiffersByARegimeChange() {
		assertThat(this.estimator.isNewWork(0.0)).isFalse();
		this.estimator.update(0.1);
		assertThat(this.estimator.isNewWork(0.3)).isFalse();
		assertThat(this.estimator.isNewWork(0.9)).isTrue();
	}

}
