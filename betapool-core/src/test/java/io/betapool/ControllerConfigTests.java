package io.betapool;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ControllerConfigTests {

	@Test
	void defaultsAreTheSeedLibrarys() {
		ControllerConfig config = ControllerConfig.defaults();
		assertThat(config.monitorInterval()).isEqualTo(Duration.ofMillis(500));
		assertThat(config.betaHighThreshold()).isEqualTo(0.7);
		assertThat(config.betaLowThreshold()).isEqualTo(0.3);
		assertThat(config.scaleUpStep()).isEqualTo(2);
		assertThat(config.scaleDownStep()).isEqualTo(1);
		assertThat(config.cpuUpperThreshold()).isEqualTo(85.0);
		assertThat(config.cpuLowerThreshold()).isEqualTo(50.0);
		assertThat(config.stabilizationWindow()).isEqualTo(Duration.ofSeconds(2));
		assertThat(config.warmupTaskCount()).isEqualTo(10);
		assertThat(config.policy()).isEqualTo(Policy.ADAPTIVE);
		assertThat(config.decisionHistorySize()).isEqualTo(1000);
	}

	@Test
	void builderSetsEveryValue() {
		ControllerConfig config = ControllerConfig.builder()
			.monitorInterval(Duration.ofMillis(250))
			.betaHighThreshold(0.8)
			.betaLowThreshold(0.2)
			.scaleUpStep(3)
			.scaleDownStep(2)
			.cpuUpperThreshold(90)
			.cpuLowerThreshold(40)
			.stabilizationWindow(Duration.ofSeconds(1))
			.warmupTaskCount(5)
			.policy(Policy.SEED)
			.decisionHistorySize(50)
			.build();
		assertThat(config.monitorInterval()).isEqualTo(Duration.ofMillis(250));
		assertThat(config.betaHighThreshold()).isEqualTo(0.8);
		assertThat(config.betaLowThreshold()).isEqualTo(0.2);
		assertThat(config.scaleUpStep()).isEqualTo(3);
		assertThat(config.scaleDownStep()).isEqualTo(2);
		assertThat(config.cpuUpperThreshold()).isEqualTo(90);
		assertThat(config.cpuLowerThreshold()).isEqualTo(40);
		assertThat(config.stabilizationWindow()).isEqualTo(Duration.ofSeconds(1));
		assertThat(config.warmupTaskCount()).isEqualTo(5);
		assertThat(config.policy()).isEqualTo(Policy.SEED);
		assertThat(config.decisionHistorySize()).isEqualTo(50);
		assertThat(config.toBuilder().build()).isEqualTo(config).hasSameHashCodeAs(config);
		assertThat(config).isNotEqualTo(ControllerConfig.defaults());
	}

	@Test
	void thresholdsOutsideTheUnitIntervalAreRefused() {
		assertRefused(b -> b.betaHighThreshold(1.5), "betaHighThreshold must be between 0 and 1, but was 1.5");
		assertRefused(b -> b.betaHighThreshold(Double.NaN), "betaHighThreshold must be between 0 and 1, but was NaN");
		assertRefused(b -> b.betaLowThreshold(-0.1), "betaLowThreshold must be between 0 and 1, but was -0.1");
	}

	@Test
	void lowAboveHighIsRefused() {
		assertRefused(b -> b.betaLowThreshold(0.8).betaHighThreshold(0.6),
				"betaLowThreshold must not exceed betaHighThreshold, but was 0.8 > 0.6");
		assertRefused(b -> b.cpuLowerThreshold(90).cpuUpperThreshold(80),
				"cpuLowerThreshold must not exceed cpuUpperThreshold, but was 90.0 > 80.0");
	}

	@Test
	void stepsBelowOneAreRefused() {
		assertRefused(b -> b.scaleUpStep(0), "scaleUpStep must be >= 1, but was 0");
		assertRefused(b -> b.scaleDownStep(-1), "scaleDownStep must be >= 1, but was -1");
		assertRefused(b -> b.decisionHistorySize(0), "decisionHistorySize must be >= 1, but was 0");
	}

	@Test
	void nonPositiveIntervalsAreRefused() {
		assertRefused(b -> b.monitorInterval(Duration.ZERO), "monitorInterval must be positive, but was PT0S");
		assertRefused(b -> b.monitorInterval(Duration.ofMillis(-5)), "monitorInterval must be positive, but was PT-0.005S");
		assertRefused(b -> b.stabilizationWindow(Duration.ofSeconds(-1)),
				"stabilizationWindow must not be negative, but was PT-1S");
	}

	@Test
	void percentagesOutsideZeroToHundredAreRefused() {
		assertRefused(b -> b.cpuUpperThreshold(120), "cpuUpperThreshold must be a percentage between 0 and 100, but was 120.0");
		assertRefused(b -> b.warmupTaskCount(-1), "warmupTaskCount must be >= 0, but was -1");
	}

	@Test
	void nullsAreRefusedByName() {
		assertThatNullPointerException().isThrownBy(() -> ControllerConfig.builder().policy(null))
			.withMessage("policy");
		assertThatNullPointerException().isThrownBy(() -> ControllerConfig.builder().monitorInterval(null))
			.withMessage("monitorInterval");
	}

	private static void assertRefused(UnaryOperator<ControllerConfig.Builder> change, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> change.apply(ControllerConfig.builder()).build())
			.withMessage(message);
	}

}
