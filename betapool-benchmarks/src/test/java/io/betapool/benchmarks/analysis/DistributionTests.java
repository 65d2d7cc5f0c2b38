package io.betapool.benchmarks.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Distribution}.
 */
class DistributionTests {

	@Test
	void quantilesInterpolateBetweenOrderStatistics() {
		Distribution d = new Distribution(List.of(5.0, 1.0, 4.0, 2.0, 3.0));
		assertThat(d.median()).isEqualTo(3.0);
		assertThat(d.min()).isEqualTo(1.0);
		assertThat(d.max()).isEqualTo(5.0);
		assertThat(d.quantile(0.1)).isCloseTo(1.4, within(1e-12));
		assertThat(d.quantile(0.9)).isCloseTo(4.6, within(1e-12));
	}

	@Test
	void anEvenCountHasTheMeanOfTheMiddleTwoAsMedian() {
		assertThat(new Distribution(List.of(1.0, 2.0, 3.0, 10.0)).median()).isEqualTo(2.5);
	}

	@Test
	void valuesThatAreNotFiniteAreLeftOut() {
		Distribution d = new Distribution(List.of(Double.NaN, 2.0, Double.POSITIVE_INFINITY));
		assertThat(d.size()).isEqualTo(1);
		assertThat(d.median()).isEqualTo(2.0);
		assertThat(new Distribution(List.of()).median()).isNaN();
	}

	@Test
	void aQuantileOutsideZeroToOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Distribution(List.of(1.0)).quantile(1.5))
			.withMessage("p must be in [0, 1], but was 1.5");
	}

}
