package io.betapool.spring.boot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Tests for {@link BetaPoolProperties}.
 */
class BetaPoolPropertiesTests {

	@Test
	void defaultsEqualTheDefaultsOfTheCore() {
		BetaPoolProperties properties = new BetaPoolProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getMinWorkers()).isEqualTo(AdaptiveThreadPoolExecutor.DEFAULT_MIN_WORKERS);
		assertThat(properties.getMaxWorkers()).isEqualTo(AdaptiveThreadPoolExecutor.DEFAULT_MAX_WORKERS);
		assertThat(properties.getThreadNamePrefix()).isEqualTo(AdaptiveThreadPoolExecutor.DEFAULT_THREAD_NAME_PREFIX);
		try (AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder().build()) {
			assertThat(properties.getQueueCapacity()).isEqualTo(pool.getQueueCapacity());
		}
		assertThat(properties.getPolicy()).isEqualTo(ControllerConfig.DEFAULT_POLICY);
		assertThat(properties.getDecisionHistorySize()).isEqualTo(ControllerConfig.DEFAULT_DECISION_HISTORY_SIZE);
		BetaPoolProperties.Controller controller = properties.getController();
		assertThat(controller.getMonitorInterval()).isEqualTo(ControllerConfig.DEFAULT_MONITOR_INTERVAL);
		assertThat(controller.getBetaHighThreshold()).isEqualTo(ControllerConfig.DEFAULT_BETA_HIGH_THRESHOLD);
		assertThat(controller.getBetaLowThreshold()).isEqualTo(ControllerConfig.DEFAULT_BETA_LOW_THRESHOLD);
		assertThat(controller.getScaleUpStep()).isEqualTo(ControllerConfig.DEFAULT_SCALE_UP_STEP);
		assertThat(controller.getScaleDownStep()).isEqualTo(ControllerConfig.DEFAULT_SCALE_DOWN_STEP);
		assertThat(controller.getCpuUpperThreshold()).isEqualTo(ControllerConfig.DEFAULT_CPU_UPPER_THRESHOLD);
		assertThat(controller.getCpuLowerThreshold()).isEqualTo(ControllerConfig.DEFAULT_CPU_LOWER_THRESHOLD);
		assertThat(controller.getStabilizationWindow()).isEqualTo(ControllerConfig.DEFAULT_STABILIZATION_WINDOW);
		assertThat(controller.getWarmupTaskCount()).isEqualTo(ControllerConfig.DEFAULT_WARMUP_TASK_COUNT);
		assertThat(controller.getKeepAlive()).isEqualTo(ControllerConfig.DEFAULT_KEEP_ALIVE);
		assertThat(properties.getShutdown().getAwaitTerminationPeriod()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void defaultsMapToTheDefaultControllerConfig() {
		assertThat(BetaPoolExecutorFactory.controllerConfig(new BetaPoolProperties()))
			.isEqualTo(ControllerConfig.defaults());
	}

	@Test
	void defaultsAreValid() {
		new BetaPoolProperties().validate();
	}

	@Test
	void blankThreadNamePrefixIsInvalid() {
		BetaPoolProperties properties = new BetaPoolProperties();
		properties.setThreadNamePrefix("  ");
		assertThatExceptionOfType(InvalidBetaPoolPropertyException.class).isThrownBy(properties::validate)
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("betapool.thread-name-prefix");
				assertThat(ex.getValue()).isEqualTo("  ");
				assertThat(ex.getAllowed()).isEqualTo("a text that is not blank");
			});
	}

	@Test
	void metadataDescribesEveryPropertyWithItsDefault() throws Exception {
		Map<String, Object> expectedDefaults = Map.ofEntries(Map.entry("betapool.enabled", true),
				Map.entry("betapool.min-workers", 4), Map.entry("betapool.max-workers", 64),
				Map.entry("betapool.queue-capacity", 2147483647), Map.entry("betapool.thread-name-prefix", "betapool-"),
				Map.entry("betapool.policy", "adaptive"), Map.entry("betapool.decision-history-size", 1000),
				Map.entry("betapool.controller.monitor-interval", "500ms"),
				Map.entry("betapool.controller.beta-high-threshold", 0.7),
				Map.entry("betapool.controller.beta-low-threshold", 0.3),
				Map.entry("betapool.controller.scale-up-step", 2), Map.entry("betapool.controller.scale-down-step", 1),
				Map.entry("betapool.controller.cpu-upper-threshold", 85),
				Map.entry("betapool.controller.cpu-lower-threshold", 50),
				Map.entry("betapool.controller.stabilization-window", "2s"),
				Map.entry("betapool.controller.warmup-task-count", 10),
				Map.entry("betapool.controller.keep-alive", "60s"),
				Map.entry("betapool.shutdown.await-termination-period", "30s"),
				Map.entry("betapool.advice.enabled", true), Map.entry("betapool.advice.interval", "1s"),
				Map.entry("betapool.web.enabled", false));
		// the starter's own file: the classpath holds other modules' files of the same name, such as Tomcat's
		Path classes = Path.of(BetaPoolProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		String metadata = Files.readString(classes.resolve("META-INF/spring-configuration-metadata.json"),
				StandardCharsets.UTF_8);
		List<String> names = JsonPath.read(metadata, "$.properties[?(@.name =~ /betapool\\..*/)].name");
		assertThat(names).containsExactlyInAnyOrderElementsOf(
				Stream.concat(expectedDefaults.keySet().stream(), Stream.of("betapool.executors")).toList());
		List<String> executorsTypes = JsonPath.read(metadata, "$.properties[?(@.name == 'betapool.executors')].type");
		assertThat(executorsTypes).containsExactly(
				"java.util.Map<java.lang.String," + PoolProperties.class.getName() + ">");
		List<String> executorsDescriptions = JsonPath.read(metadata,
				"$.properties[?(@.name == 'betapool.executors')].description");
		assertThat(executorsDescriptions).singleElement(STRING).contains("@Async").contains("top-level value");
		expectedDefaults.forEach((name, expectedDefault) -> {
			List<Object> defaults = JsonPath.read(metadata, "$.properties[?(@.name == '" + name + "')].defaultValue");
			List<String> descriptions = JsonPath.read(metadata,
					"$.properties[?(@.name == '" + name + "')].description");
			assertThat(defaults).as("default of %s", name).containsExactly(expectedDefault);
			assertThat(descriptions).as("description of %s", name)
				.singleElement(STRING)
				.isNotBlank()
				.endsWith(".");
		});
	}

}
