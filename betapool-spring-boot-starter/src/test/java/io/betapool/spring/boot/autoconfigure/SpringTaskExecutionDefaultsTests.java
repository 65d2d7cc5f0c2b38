package io.betapool.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.spring.boot.BetaPoolTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpringTaskExecutionDefaults}: Spring Boot's {@code spring.task.execution.*} values as
 * defaults of their {@code betapool.*} equivalents.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringTaskExecutionDefaultsTests {

	private static final String TAKEN = "BetaPool took Spring Boot's task execution properties: ";

	private static final String IGNORED = "BetaPool has no equivalent of, and ignores: ";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BetaPoolAutoConfiguration.class, TaskExecutionAutoConfiguration.class));

	@Test
	void bootsValuesBecomeTheDefaultsOfTheirEquivalentsAndOneInfoLineNamesThem(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.task.execution.thread-name-prefix=app-",
					"spring.task.execution.pool.core-size=2", "spring.task.execution.pool.max-size=16",
					"spring.task.execution.pool.queue-capacity=100", "spring.task.execution.shutdown.await-termination=true",
					"spring.task.execution.shutdown.await-termination-period=10s")
			.run((context) -> {
				BetaPoolTaskExecutor executor = context.getBean(BetaPoolTaskExecutor.class);
				AdaptiveThreadPoolExecutor pool = executor.getThreadPoolExecutor();
				assertThat(pool.getThreadNamePrefix()).isEqualTo("app-");
				assertThat(pool.getMinWorkers()).isEqualTo(2);
				assertThat(pool.getMaxWorkers()).isEqualTo(16);
				assertThat(pool.getQueueCapacity()).isEqualTo(100);
				assertThat(executor.getAwaitTerminationPeriod()).isEqualTo(Duration.ofSeconds(10));
				assertThat(executor.submitCompletable(() -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS))
					.startsWith("app-");
			});
		assertThat(lines(output, TAKEN)).isEqualTo(1);
		assertThat(output).contains("INFO")
			.contains("spring.task.execution.thread-name-prefix (app-) as betapool.thread-name-prefix")
			.contains("spring.task.execution.pool.core-size (2) as betapool.min-workers")
			.contains("spring.task.execution.pool.max-size (16) as betapool.max-workers")
			.contains("spring.task.execution.pool.queue-capacity (100) as betapool.queue-capacity")
			.contains("spring.task.execution.shutdown.await-termination-period (PT10S) as "
					+ "betapool.shutdown.await-termination-period")
			.doesNotContain(IGNORED);
	}

	@Test
	void anExplicitBetaPoolValueWins(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.task.execution.pool.max-size=16", "betapool.max-workers=8",
					"spring.task.execution.pool.core-size=3")
			.run((context) -> {
				AdaptiveThreadPoolExecutor pool = context.getBean(BetaPoolTaskExecutor.class).getThreadPoolExecutor();
				assertThat(pool.getMaxWorkers()).isEqualTo(8);
				assertThat(pool.getMinWorkers()).isEqualTo(3);
			});
		assertThat(output).contains("betapool.max-workers is set, so spring.task.execution.pool.max-size is not used")
			.contains("spring.task.execution.pool.core-size (3) as betapool.min-workers");
	}

	@Test
	void bootNotAwaitingTerminationCancelsQueuedTasksAtOnce() {
		this.contextRunner
			.withPropertyValues("spring.task.execution.shutdown.await-termination=false",
					"spring.task.execution.shutdown.await-termination-period=10s")
			.run((context) -> assertThat(context.getBean(BetaPoolTaskExecutor.class).getAwaitTerminationPeriod())
				.isEqualTo(Duration.ZERO));
	}

	@Test
	void oneWarnLineNamesTheValuesAndCustomizersThatHaveNoEquivalent(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.task.execution.pool.keep-alive=10s",
					"spring.task.execution.pool.allow-core-thread-timeout=false", "spring.task.execution.pool.core-size=2")
			.withBean("poolCustomizer", ThreadPoolTaskExecutorCustomizer.class,
					() -> (executor) -> executor.setKeepAliveSeconds(5))
			.run((context) -> assertThat(context).hasSingleBean(BetaPoolTaskExecutor.class));
		assertThat(lines(output, IGNORED)).isEqualTo(1);
		assertThat(output).contains("WARN")
			.contains(IGNORED + "spring.task.execution.pool.allow-core-thread-timeout, "
					+ "spring.task.execution.pool.keep-alive, customizer bean 'poolCustomizer'");
	}

	@Test
	void withoutBootsValuesNothingIsLogged(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(BetaPoolTaskExecutor.class));
		assertThat(output).doesNotContain(TAKEN).doesNotContain(IGNORED);
	}

	@Test
	void anInvalidValueTakenFromBootIsReportedUnderBootsProperty() {
		this.contextRunner.withPropertyValues("spring.task.execution.pool.core-size=0").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidBetaPoolPropertyFailureAnalyzer(null)
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: spring.task.execution.pool.core-size")
				.contains("Value: \"0\"")
				.contains("Allowed: an integer of at least 1");
		});
	}

	private static long lines(CapturedOutput output, String text) {
		return output.getOut().lines().filter((line) -> line.contains(text)).count();
	}

}
