package io.betapool.spring.boot.metrics;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.spring.boot.BetaPoolTaskExecutor;
import io.betapool.spring.boot.autoconfigure.BetaPoolAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BetaPoolMetricsAutoConfiguration}.
 */
class BetaPoolMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BetaPoolAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, TaskExecutorMetricsAutoConfiguration.class,
				BetaPoolMetricsAutoConfiguration.class));

	@Test
	void bindsTheMetersOfTheApplicationTaskExecutorOnce() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BetaPoolMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("betapool.threads").tag("name", "applicationTaskExecutor").gauges()).hasSize(1);
			assertThat(registry.get("betapool.decisions").tag("name", "applicationTaskExecutor").functionCounters())
				.hasSize(4);
			assertThat(registry.find("executor.pool.size").gauges()).singleElement()
				.satisfies((gauge) -> assertThat(gauge.getId().getTag("name")).isEqualTo("applicationTaskExecutor"));
			assertThat(registry.find("executor.completed").functionCounters()).hasSize(1);
		});
	}

	@Test
	void bindsTheMetersOfAdaptivePoolsTheApplicationDefines() {
		this.contextRunner
			.withBean("reportExecutor", AdaptiveThreadPoolExecutor.class,
					() -> AdaptiveThreadPoolExecutor.builder().minWorkers(1).maxWorkers(2).build())
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("betapool.threads").gauges())
					.extracting((gauge) -> gauge.getId().getTag("name"))
					.containsExactlyInAnyOrder("applicationTaskExecutor", "reportExecutor");
				assertThat(registry.get("executor.pool.size").gauges()).hasSize(2);
			});
	}

	@Test
	void givesBootsExecutorItsOwnMetersWhenDisabled() {
		this.contextRunner.withPropertyValues("betapool.enabled=false").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("betapool.threads").gauges()).isEmpty();
			assertThat(registry.find("executor.pool.size").tag("name", "applicationTaskExecutor").gauges()).hasSize(1);
		});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BetaPoolAutoConfiguration.class, BetaPoolMetricsAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(BetaPoolTaskExecutor.class);
				assertThat(context).doesNotHaveBean(BetaPoolMetrics.class);
			});
	}

	@Test
	void theExecutorWorksWithoutMicrometerOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(BetaPoolTaskExecutor.class);
			assertThat(context).doesNotHaveBean(BetaPoolMetrics.class);
			assertThat(context).doesNotHaveBean(MeterRegistry.class);
		});
	}

}
