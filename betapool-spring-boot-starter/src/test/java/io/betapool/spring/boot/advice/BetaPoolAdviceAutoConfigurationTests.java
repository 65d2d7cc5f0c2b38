package io.betapool.spring.boot.advice;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.betapool.spring.boot.autoconfigure.BetaPoolAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BetaPoolAdviceAutoConfiguration}.
 */
class BetaPoolAdviceAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BetaPoolAdviceAutoConfiguration.class, BetaPoolAutoConfiguration.class,
				TaskExecutionAutoConfiguration.class));

	@Test
	void observesThePoolsTheApplicationDefinesAndNotTheAutoConfiguredOnes() {
		this.contextRunner.withUserConfiguration(UserPools.class).run((context) -> {
			assertThat(context).hasSingleBean(PoolAdvisor.class);
			assertThat(context.getBean(PoolAdvisor.class).names()).containsExactlyInAnyOrder("reportExecutor",
					"importPool");
		});
	}

	@Test
	void leavesBootsOwnExecutorOutWhenBetaPoolIsOff() {
		this.contextRunner.withPropertyValues("betapool.enabled=false").run((context) -> {
			assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(ThreadPoolTaskExecutor.class);
			assertThat(context.getBean(PoolAdvisor.class).names()).isEmpty();
		});
	}

	@Test
	void changesNothingInThePoolsItObserves() {
		this.contextRunner.withUserConfiguration(UserPools.class).run((context) -> {
			ThreadPoolTaskExecutor report = context.getBean("reportExecutor", ThreadPoolTaskExecutor.class);
			assertThat(report.getCorePoolSize()).isEqualTo(3);
			assertThat(report.getMaxPoolSize()).isEqualTo(3);
			ThreadPoolExecutor imports = context.getBean("importPool", ThreadPoolExecutor.class);
			assertThat(imports.getCorePoolSize()).isEqualTo(2);
			assertThat(imports.getMaximumPoolSize()).isEqualTo(5);
			assertThat(report.submit(() -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS))
				.startsWith("report-");
		});
	}

	@Test
	void canBeTurnedOff() {
		this.contextRunner.withPropertyValues("betapool.advice.enabled=false")
			.withUserConfiguration(UserPools.class)
			.run((context) -> assertThat(context).doesNotHaveBean(PoolAdvisor.class));
	}

	@Test
	void refusesAnIntervalOutOfRangeNamingTheProperty() {
		this.contextRunner.withPropertyValues("betapool.advice.interval=10ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("betapool.advice.interval")
				.hasMessageContaining("10ms")
				.hasMessageContaining("a duration from 100ms to 10m"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserPools {

		@Bean
		ThreadPoolTaskExecutor reportExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(3);
			executor.setMaxPoolSize(3);
			executor.setThreadNamePrefix("report-");
			return executor;
		}

		@Bean(destroyMethod = "shutdownNow")
		ThreadPoolExecutor importPool() {
			return new ThreadPoolExecutor(2, 5, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10));
		}

	}

}
