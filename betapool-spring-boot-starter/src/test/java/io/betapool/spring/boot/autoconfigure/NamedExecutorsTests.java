package io.betapool.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.Policy;
import io.betapool.spring.boot.BetaPoolTaskExecutor;
import io.betapool.spring.boot.actuate.BetaPoolEndpoint;
import io.betapool.spring.boot.actuate.BetaPoolEndpointAutoConfiguration;
import io.betapool.spring.boot.metrics.BetaPoolMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the named executors of {@code betapool.executors.<name>.*}.
 */
class NamedExecutorsTests {

	private static final long TIMEOUT_SECONDS = 30;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BetaPoolAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
		.withUserConfiguration(AsyncConfiguration.class);

	@Test
	void eachNameIsAnExecutorBeanForAsyncAndTheApplicationTaskExecutorStaysAsItIs() {
		this.contextRunner.withPropertyValues("betapool.executors.io.max-workers=32",
				"betapool.executors.cpu-work.min-workers=1", "betapool.executors.cpu-work.max-workers=2")
			.run((context) -> {
				assertThat(context.getBeansOfType(BetaPoolTaskExecutor.class)).containsOnlyKeys("applicationTaskExecutor",
						"io", "cpu-work");
				assertThat(context.getBean(AsyncConfigurer.class).getAsyncExecutor())
					.isSameAs(context.getBean("applicationTaskExecutor"));
				AsyncService service = context.getBean(AsyncService.class);
				assertThat(service.onIo().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith("io-");
				assertThat(service.onCpuWork().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith("cpu-work-");
				assertThat(service.onDefault().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith("betapool-");
			});
	}

	@Test
	void aNamedExecutorTakesTheTopLevelValuesItDoesNotSet() {
		this.contextRunner
			.withPropertyValues("betapool.max-workers=12", "betapool.policy=seed",
					"betapool.controller.monitor-interval=250ms", "betapool.shutdown.await-termination-period=5s",
					"spring.task.execution.pool.core-size=3", "betapool.executors.io.max-workers=32",
					"betapool.executors.io.controller.beta-high-threshold=0.8", "betapool.executors.io.thread-name-prefix=blocking-",
					"betapool.executors.cpu-work.min-workers=1")
			.run((context) -> {
				BetaPoolTaskExecutor io = context.getBean("io", BetaPoolTaskExecutor.class);
				AdaptiveThreadPoolExecutor ioPool = io.getThreadPoolExecutor();
				assertThat(ioPool.getMinWorkers()).isEqualTo(3);
				assertThat(ioPool.getMaxWorkers()).isEqualTo(32);
				assertThat(ioPool.getThreadNamePrefix()).isEqualTo("blocking-");
				assertThat(ioPool.getConfig().policy()).isEqualTo(Policy.SEED);
				assertThat(ioPool.getConfig().monitorInterval()).isEqualTo(Duration.ofMillis(250));
				assertThat(ioPool.getConfig().betaHighThreshold()).isEqualTo(0.8);
				assertThat(io.getAwaitTerminationPeriod()).isEqualTo(Duration.ofSeconds(5));
				AdaptiveThreadPoolExecutor cpuPool = context.getBean("cpu-work", BetaPoolTaskExecutor.class)
					.getThreadPoolExecutor();
				assertThat(cpuPool.getMinWorkers()).isEqualTo(1);
				assertThat(cpuPool.getMaxWorkers()).isEqualTo(12);
				assertThat(cpuPool.getThreadNamePrefix()).isEqualTo("cpu-work-");
				assertThat(cpuPool.getConfig().betaHighThreshold()).isEqualTo(0.7);
				AdaptiveThreadPoolExecutor applicationPool = context.getBean("applicationTaskExecutor",
						BetaPoolTaskExecutor.class).getThreadPoolExecutor();
				assertThat(applicationPool.getMaxWorkers()).isEqualTo(12);
				assertThat(applicationPool.getThreadNamePrefix()).isEqualTo("betapool-");
			});
	}

	@Test
	void namedExecutorsStayWhenTheApplicationDefinesItsOwnApplicationTaskExecutor() {
		this.contextRunner.withPropertyValues("betapool.executors.io.max-workers=8")
			.withBean("applicationTaskExecutor", SimpleAsyncTaskExecutor.class, () -> new SimpleAsyncTaskExecutor("own-"))
			.run((context) -> {
				assertThat(context.getBeansOfType(BetaPoolTaskExecutor.class)).containsOnlyKeys("io");
				assertThat(context.getBean(AsyncService.class).onIo().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
					.startsWith("io-");
			});
	}

	@Test
	void unqualifiedAsyncMethodsRunOnTheApplicationTaskExecutorWhenAnAsyncConfigurerReturnsNoExecutor() {
		this.contextRunner.withPropertyValues("betapool.executors.io.max-workers=8")
			.withBean(AsyncConfigurer.class, () -> new AsyncConfigurer() {
			})
			.run((context) -> assertThat(
					context.getBean(AsyncService.class).onDefault().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
				.startsWith("betapool-"));
	}

	@Test
	void eachNamedExecutorHasItsOwnMetersAndEndpointEntry() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					BetaPoolMetricsAutoConfiguration.class, BetaPoolEndpointAutoConfiguration.class))
			.withPropertyValues("betapool.executors.io.max-workers=8", "management.endpoints.web.exposure.include=betapool")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("betapool.threads").gauges()).extracting((gauge) -> gauge.getId().getTag("name"))
					.containsExactlyInAnyOrder("applicationTaskExecutor", "io");
				assertThat(registry.get("executor.pool.size").tag("name", "io").gauges()).hasSize(1);
				BetaPoolEndpoint.ExecutorsDescriptor executors = context.getBean(BetaPoolEndpoint.class).executors();
				assertThat(executors.executors()).containsOnlyKeys("applicationTaskExecutor", "io");
				assertThat(executors.executors().get("io").configuration().maxWorkers()).isEqualTo(8);
				assertThat(executors.executors().get("io").configuration().threadNamePrefix()).isEqualTo("io-");
			});
	}

	@Test
	void aCamelCaseNameIsTheBeanNameAsWritten() {
		this.contextRunner.withPropertyValues("betapool.executors.reportExecutor.max-workers=6").run((context) -> {
			BetaPoolTaskExecutor executor = context.getBean("reportExecutor", BetaPoolTaskExecutor.class);
			assertThat(executor.getThreadPoolExecutor().getMaxWorkers()).isEqualTo(6);
			assertThat(executor.getThreadPoolExecutor().getThreadNamePrefix()).isEqualTo("reportExecutor-");
		});
	}

	@Test
	void anInvalidValueOfACamelCaseNameIsNamedAsWritten() {
		this.contextRunner.withPropertyValues("betapool.executors.reportExecutor.min-workers=0").run((context) -> {
			assertThat(context).hasFailed();
			MockEnvironment environment = new MockEnvironment()
				.withProperty("betapool.executors.reportExecutor.min-workers", "0");
			FailureAnalysis analysis = new InvalidBetaPoolPropertyFailureAnalyzer(environment)
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: betapool.executors.reportExecutor.min-workers")
				.contains("Value: \"0\"")
				.contains("Origin: \"betapool.executors.reportExecutor.min-workers\" from property source");
		});
	}

	@Test
	void anInvalidValueIsNamedUnderTheExecutor() {
		assertAnalysis("betapool.executors.io.min-workers=0", "betapool.executors.io.min-workers", "0",
				"an integer of at least 1");
	}

	@Test
	void anInvalidCombinationWithAnInheritedValueNamesBothProperties() {
		assertAnalysis(new String[] { "betapool.max-workers=8", "betapool.executors.io.min-workers=16" },
				"betapool.max-workers", "8", "an integer of at least betapool.executors.io.min-workers (16)");
	}

	@Test
	void aValueOfTheWrongTypeIsNamedUnderTheExecutor() {
		assertAnalysis("betapool.executors.io.policy=fast", "betapool.executors.io.policy", "fast",
				"one of adaptive, seed");
	}

	@Test
	void aNameTakenByTheDefaultExecutorIsRefused() {
		assertAnalysis("betapool.executors.taskExecutor.max-workers=2", "betapool.executors", "taskExecutor",
				"a name that no other bean has and none of applicationTaskExecutor, taskExecutor, tomcat");
	}

	private void assertAnalysis(String assignment, String property, String value, String allowed) {
		assertAnalysis(new String[] { assignment }, property, value, allowed);
	}

	private void assertAnalysis(String[] assignments, String property, String value, String allowed) {
		this.contextRunner.withPropertyValues(assignments).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: " + property)
				.contains("Value: \"" + value + "\"")
				.contains("Allowed: " + allowed);
		});
	}

	/** The analysis of the first of the starter's analyzers that has one, as Spring Boot picks it. */
	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new BetaPoolBindFailureAnalyzer().analyze(failure);
		return (analysis != null) ? analysis : new InvalidBetaPoolPropertyFailureAnalyzer(null).analyze(failure);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncConfiguration {

		@Bean
		AsyncService asyncService() {
			return new AsyncService();
		}

	}

	static class AsyncService {

		@Async("io")
		public CompletableFuture<String> onIo() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		@Async("cpu-work")
		public CompletableFuture<String> onCpuWork() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		@Async
		public CompletableFuture<String> onDefault() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

}
