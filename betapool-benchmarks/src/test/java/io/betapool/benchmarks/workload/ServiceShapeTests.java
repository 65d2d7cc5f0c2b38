package io.betapool.benchmarks.workload;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link ServiceShape}, on seeded draws.
 */
class ServiceShapeTests {

	private static final int DRAWS = 200_000;

	@Test
	void everyShapeHasMeanOne() {
		for (ServiceShape shape : ServiceShape.values()) {
			assertThat(mean(shape)).as(shape.name()).isCloseTo(1.0, within(0.02));
		}
	}

	@Test
	void theShapesSpreadAsTheirDistributionsDo() {
		assertThat(cv(ServiceShape.FIXED)).isZero();
		assertThat(cv(ServiceShape.EXPONENTIAL)).isCloseTo(1.0, within(0.03));
		// lognormal σ 1: cv = √(e − 1) ≈ 1.31; bimodal 90/10 with long = 10 × short: cv ≈ 1.42
		assertThat(cv(ServiceShape.LOGNORMAL)).isCloseTo(Math.sqrt(Math.E - 1), within(0.1));
		assertThat(cv(ServiceShape.BIMODAL)).isCloseTo(Math.sqrt(0.9 * 0.1) * 9 / 1.9, within(0.03));
	}

	@Test
	void aBimodalTaskIsShortOrTenTimesLonger() {
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 1000; i++) {
			double m = ServiceShape.BIMODAL.multiplier(random);
			assertThat(Math.min(Math.abs(m - 1 / 1.9), Math.abs(m - 10 / 1.9))).isLessThan(1e-12);
		}
	}

	private static double mean(ServiceShape shape) {
		SplittableRandom random = new SplittableRandom(42);
		double sum = 0;
		for (int i = 0; i < DRAWS; i++) {
			sum += shape.multiplier(random);
		}
		return sum / DRAWS;
	}

	private static double cv(ServiceShape shape) {
		SplittableRandom random = new SplittableRandom(42);
		double sum = 0;
		double squares = 0;
		for (int i = 0; i < DRAWS; i++) {
			double m = shape.multiplier(random);
			sum += m;
			squares += m * m;
		}
		double mean = sum / DRAWS;
		return Math.sqrt(Math.max(0, squares / DRAWS - mean * mean)) / mean;
	}

}
