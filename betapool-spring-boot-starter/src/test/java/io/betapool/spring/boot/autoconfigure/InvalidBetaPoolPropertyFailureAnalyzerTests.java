package io.betapool.spring.boot.autoconfigure;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link InvalidBetaPoolPropertyFailureAnalyzer} and the validation of {@link BetaPoolProperties}.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidBetaPoolPropertyFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BetaPoolAutoConfiguration.class));

	static Stream<Arguments> invalidValues() {
		return Stream.of(
				Arguments.of("betapool.min-workers=0", "betapool.min-workers", "0", "an integer of at least 1"),
				Arguments.of("betapool.max-workers=2", "betapool.max-workers", "2",
						"an integer of at least betapool.min-workers (4)"),
				Arguments.of("betapool.queue-capacity=0", "betapool.queue-capacity", "0", "an integer of at least 1"),
				Arguments.of("betapool.decision-history-size=0", "betapool.decision-history-size", "0",
						"an integer of at least 1"),
				Arguments.of("betapool.controller.monitor-interval=0s", "betapool.controller.monitor-interval", "PT0S",
						"a positive duration of at most 1d, such as 500ms or 1s"),
				Arguments.of("betapool.controller.monitor-interval=2d", "betapool.controller.monitor-interval", "PT48H",
						"a positive duration of at most 1d, such as 500ms or 1s"),
				Arguments.of("betapool.controller.beta-high-threshold=1.5", "betapool.controller.beta-high-threshold",
						"1.5", "a number from 0 to 1"),
				Arguments.of("betapool.controller.beta-low-threshold=-0.1", "betapool.controller.beta-low-threshold",
						"-0.1", "a number from 0 to 1"),
				Arguments.of("betapool.controller.beta-low-threshold=0.8", "betapool.controller.beta-low-threshold",
						"0.8", "a number from 0 to betapool.controller.beta-high-threshold (0.7)"),
				Arguments.of("betapool.controller.scale-up-step=0", "betapool.controller.scale-up-step", "0",
						"an integer of at least 1"),
				Arguments.of("betapool.controller.scale-down-step=0", "betapool.controller.scale-down-step", "0",
						"an integer of at least 1"),
				Arguments.of("betapool.controller.cpu-upper-threshold=120", "betapool.controller.cpu-upper-threshold",
						"120.0", "a number from 0 to 100"),
				Arguments.of("betapool.controller.cpu-lower-threshold=90", "betapool.controller.cpu-lower-threshold",
						"90.0", "a number from 0 to betapool.controller.cpu-upper-threshold (85.0)"),
				Arguments.of("betapool.controller.stabilization-window=-1s",
						"betapool.controller.stabilization-window", "PT-1S",
						"a duration from 0s to 1d, such as 0s or 2s"),
				Arguments.of("betapool.controller.warmup-task-count=-1", "betapool.controller.warmup-task-count", "-1",
						"an integer of at least 0"),
				Arguments.of("betapool.controller.keep-alive=-1s", "betapool.controller.keep-alive", "PT-1S",
						"a duration from 0s to 1d, such as 30s or 60s"),
				Arguments.of("betapool.shutdown.await-termination-period=-1s",
						"betapool.shutdown.await-termination-period", "PT-1S",
						"a duration that is not negative, such as 0s or 30s"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidValues")
	void anInvalidValueStopsStartupWithAnAnalysisNamingThePropertyTheValueAndWhatIsAllowed(String assignment,
			String property, String value, String allowed) {
		this.contextRunner.withPropertyValues(assignment).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidBetaPoolPropertyFailureAnalyzer(null)
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: " + property)
				.contains("Value: \"" + value + "\"")
				.contains("Allowed: " + allowed);
			assertThat(analysis.getAction()).contains("'" + property + "'").contains(allowed);
		});
	}

	@Test
	void theAnalysisIsReportedInsteadOfAStackTraceAndShowsWhereTheValueWasSet(CapturedOutput output) {
		SpringApplication application = new SpringApplication(InvalidPropertiesApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--betapool.controller.beta-high-threshold=1.5"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: betapool.controller.beta-high-threshold")
			.contains("Value: \"1.5\"")
			.contains("Origin: \"betapool.controller.beta-high-threshold\" from property source \"commandLineArgs\"")
			.contains("Allowed: a number from 0 to 1");
	}

	static Stream<Arguments> unconvertibleValues() {
		return Stream.of(Arguments.of("betapool.policy=fast", "betapool.policy", "fast", "one of adaptive, seed"),
				Arguments.of("betapool.min-workers=many", "betapool.min-workers", "many", "an integer"),
				Arguments.of("betapool.controller.beta-high-threshold=high", "betapool.controller.beta-high-threshold",
						"high", "a number"),
				Arguments.of("betapool.controller.monitor-interval=soon", "betapool.controller.monitor-interval", "soon",
						"a duration, such as 500ms, 2s or 1m"),
				Arguments.of("betapool.enabled=maybe", "betapool.enabled", "maybe", "true or false"),
				Arguments.of("betapool.executors.io.policy=fast", "betapool.executors.io.policy", "fast",
						"one of adaptive, seed"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unconvertibleValues")
	void aValueOfTheWrongTypeGetsTheStartersAnalysisNamingThePropertyTheValueAndWhatIsAllowed(String assignment,
			String property, String value, String allowed) {
		this.contextRunner.withPropertyValues(assignment).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new BetaPoolBindFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: " + property)
				.contains("Value: \"" + value + "\"")
				.contains("Allowed: " + allowed);
			assertThat(analysis.getAction()).contains("'" + property + "'").contains(allowed);
		});
	}

	@Test
	void anUnknownPolicyIsReportedByTheStarterInsteadOfSpringsGenericMessage(CapturedOutput output) {
		SpringApplication application = new SpringApplication(InvalidPropertiesApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--betapool.policy=fast"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value for a BetaPool property")
			.contains("Property: betapool.policy")
			.contains("Value: \"fast\"")
			.contains("Origin: \"betapool.policy\" from property source \"commandLineArgs\"")
			.contains("Allowed: one of adaptive, seed")
			.doesNotContain("Failed to bind properties under");
	}

	@Test
	void aBindingFailureOfAnotherPropertyIsLeftToSpringBoot() {
		this.contextRunner.withUserConfiguration(OtherPropertiesConfiguration.class)
			.withPropertyValues("other.count=many")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable bindFailure = context.getStartupFailure();
				while (bindFailure != null && !(bindFailure instanceof BindException)) {
					bindFailure = bindFailure.getCause();
				}
				assertThat(bindFailure).isInstanceOf(BindException.class);
				assertThat(new BetaPoolBindFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OtherProperties.class)
	static class OtherPropertiesConfiguration {

	}

	@ConfigurationProperties("other")
	static class OtherProperties {

		private int count;

		public int getCount() {
			return this.count;
		}

		public void setCount(int count) {
			this.count = count;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(BetaPoolAutoConfiguration.class)
	static class InvalidPropertiesApplication {

	}

}
