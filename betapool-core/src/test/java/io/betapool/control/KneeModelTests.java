package io.betapool.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KneeModelTests {

	@Test
	void goetzSizeIsCoresOverOneMinusBeta() {
		assertThat(KneeModel.goetzSize(2, 0.8)).isEqualTo(10);
		assertThat(KneeModel.goetzSize(2, 0.0)).isEqualTo(2);
		assertThat(KneeModel.goetzSize(2, 0.02)).isEqualTo(2);
		assertThat(KneeModel.goetzSize(2, 0.9)).isEqualTo(20);
		assertThat(KneeModel.goetzSize(8, 0.5)).isEqualTo(16);
		assertThat(KneeModel.goetzSize(2, 1.0)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void threadsThatNeverWaitUseOneCoreEach() {
		assertThat(KneeModel.utilisation(2, 0.0, 1)).isEqualTo(0.5);
		assertThat(KneeModel.utilisation(2, 0.0, 2)).isEqualTo(1.0);
		assertThat(KneeModel.utilisation(2, 0.0, 64)).isEqualTo(1.0);
		assertThat(KneeModel.runQueueShare(2, 0.0, 64)).isCloseTo(62.0 / 64, within(1e-12));
	}

	@Test
	void oneThreadOnOneCoreIsBusyOneMinusBetaOfTheTime() {
		// a single thread runs for c and waits for b: the core is in use c / (b + c)
		assertThat(KneeModel.utilisation(1, 0.8, 1)).isCloseTo(0.2, within(1e-12));
		assertThat(KneeModel.runQueueShare(1, 0.8, 1)).isEqualTo(0.0);
	}

	@Test
	void twoThreadsOnOneCoreMatchTheClosedFormOfTheChain() {
		// r = β / (1 − β) = 1: p(0) : p(1) : p(2) = 1 : 2 : 2, so U = 4 / 5, and a mean 2 / 5 of the 2 threads wait
		assertThat(KneeModel.utilisation(1, 0.5, 2)).isCloseTo(0.8, within(1e-12));
		assertThat(KneeModel.runQueueShare(1, 0.5, 2)).isCloseTo(1.0 / 5, within(1e-12));
	}

	@Test
	void goetzSizeLeavesTheCoresShortOfFull() {
		assertThat(KneeModel.utilisation(2, 0.8, 10)).isBetween(0.83, 0.87);
		assertThat(KneeModel.utilisation(2, 0.9, 20)).isBetween(0.86, 0.90);
	}

	@ParameterizedTest
	@CsvSource({ "2, 0.0, 2", "2, 0.02, 2", "2, 0.5, 6", "2, 0.8, 14", "2, 0.9, 25", "2, 0.976, 91", "2, 0.99, 208",
			"8, 0.0, 8", "8, 0.9, 86" })
	void theKneeIsTheSmallestSizeReachingTheTargetUtilisation(int cores, double beta, int knee) {
		assertThat(KneeModel.kneeSize(cores, beta, 10_000)).isEqualTo(knee);
		assertThat(KneeModel.utilisation(cores, beta, knee)).isGreaterThanOrEqualTo(KneeModel.TARGET_UTILISATION);
		if (knee > 1) {
			assertThat(KneeModel.utilisation(cores, beta, knee - 1)).isLessThan(KneeModel.TARGET_UTILISATION);
		}
		assertThat((long) knee).isGreaterThanOrEqualTo(Math.min(knee, KneeModel.goetzSize(cores, beta)));
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99 })
	void utilisationGrowsWithThePool(double beta) {
		double previous = 0.0;
		for (int threads = 1; threads <= 300; threads++) {
			double utilisation = KneeModel.utilisation(2, beta, threads);
			assertThat(utilisation).isBetween(previous - 1e-12, 1.0 + 1e-12);
			previous = utilisation;
		}
	}

	@Test
	void theKneeStaysWithinTheLimit() {
		assertThat(KneeModel.kneeSize(2, 0.99, 100)).isEqualTo(100);
		assertThat(KneeModel.kneeSize(2, 1.0, 100)).isEqualTo(100);
		assertThat(KneeModel.kneeSize(2, 0.8, 12)).isEqualTo(12);
		assertThat(KneeModel.kneeSize(2, 0.0, 1)).isEqualTo(1);
	}

	@Test
	void largePoolsStayFinite() {
		// with 40 000 threads the law of large numbers holds the cores near Goetz's full use
		int knee = KneeModel.kneeSize(2, 0.99995, 1_000_000);
		assertThat(knee).isBetween(38_000, 40_000);
		assertThat(KneeModel.utilisation(2, 0.99995, knee)).isBetween(0.97, 1.0);
	}

}
