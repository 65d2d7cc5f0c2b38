package io.betapool.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.Policy;
import io.betapool.spring.boot.BetaPoolTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BetaPoolAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BetaPoolAutoConfigurationTests {

	private static final long TIMEOUT_SECONDS = 30;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BetaPoolAutoConfiguration.class, TaskExecutionAutoConfiguration.class));

	@Test
	void registersTheAdaptiveExecutorAsTheApplicationTaskExecutor() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BetaPoolTaskExecutor.class);
			assertThat(context).doesNotHaveBean(ThreadPoolTaskExecutor.class);
			BetaPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", BetaPoolTaskExecutor.class);
			assertThat(context.getBean("taskExecutor")).isSameAs(executor);
			assertThat(context.getBean(AsyncConfigurer.class).getAsyncExecutor()).isSameAs(executor);
			assertThat(context.getBean(AsyncConfigurer.class).getAsyncUncaughtExceptionHandler()).isNotNull();
		});
	}

	@Test
	void runsAsyncMethodsOnBetaPoolThreads() {
		this.contextRunner.withUserConfiguration(AsyncConfiguration.class).run((context) -> {
			AsyncService service = context.getBean(AsyncService.class);
			assertThat(service.threadName().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith("betapool-");
			CountDownLatch ran = new CountDownLatch(1);
			service.run(() -> {
				service.lastThreadName = Thread.currentThread().getName();
				ran.countDown();
			});
			assertThat(ran.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			assertThat(service.lastThreadName).startsWith("betapool-");
		});
	}

	@Test
	void logsWhatVoidAsyncMethodsThrow(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(AsyncConfiguration.class).run((context) -> {
			context.getBean(AsyncService.class).run(() -> {
				throw new IllegalStateException("async failure");
			});
			await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS))
				.untilAsserted(() -> assertThat(output)
					.contains("@Async method " + AsyncService.class.getName() + ".run failed")
					.contains("java.lang.IllegalStateException: async failure"));
		});
	}

	@Test
	void aFailingAsyncMethodReturningACompletableFutureFailsAsOnSpringBootsExecutor() {
		AtomicReference<Throwable> onBootsExecutor = new AtomicReference<>();
		AtomicReference<Throwable> onBetaPool = new AtomicReference<>();
		this.contextRunner.withUserConfiguration(AsyncConfiguration.class)
			.withPropertyValues("betapool.enabled=false")
			.run((context) -> onBootsExecutor.set(failureOf(context.getBean(AsyncService.class).fail())));
		this.contextRunner.withUserConfiguration(AsyncConfiguration.class)
			.run((context) -> onBetaPool.set(failureOf(context.getBean(AsyncService.class).fail())));
		assertThat(onBootsExecutor.get()).isExactlyInstanceOf(CompletionException.class)
			.hasCauseExactlyInstanceOf(IllegalStateException.class);
		assertThat(onBetaPool.get()).isExactlyInstanceOf(CompletionException.class)
			.hasCauseExactlyInstanceOf(IllegalStateException.class)
			.cause()
			.hasMessage("async failure");
	}

	private static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch completed = new CountDownLatch(1);
		future.whenComplete((result, ex) -> {
			failure.set(ex);
			completed.countDown();
		});
		assertThat(completed.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		return failure.get();
	}

	@Test
	void appliesTaskDecoratorsInOrderSoThatContextCrossesAsyncMethods() {
		this.contextRunner.withUserConfiguration(AsyncConfiguration.class, TaskDecoratorsConfiguration.class)
			.run((context) -> {
				AsyncService service = context.getBean(AsyncService.class);
				List<String> applied = context.getBean(TaskDecoratorsConfiguration.class).applied;
				TaskDecoratorsConfiguration.requestId.set("request-42");
				try {
					assertThat(service.requestId().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("request-42");
				}
				finally {
					TaskDecoratorsConfiguration.requestId.remove();
				}
				assertThat(applied).containsExactly("second", "first");
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAnApplicationTaskExecutorWhichThenRunsAsyncMethods() {
		this.contextRunner.withUserConfiguration(CustomApplicationTaskExecutorConfiguration.class, AsyncConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BetaPoolTaskExecutor.class);
				assertThat(context).doesNotHaveBean(ThreadPoolTaskExecutor.class);
				assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(SimpleAsyncTaskExecutor.class);
				assertThat(context.getBean(AsyncService.class).threadName().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
					.startsWith("custom-");
			});
	}

	@Test
	void keepsTheExecutorAndUsesTheExceptionHandlerOfAnAsyncConfigurerWithoutExecutor() {
		this.contextRunner.withUserConfiguration(ExceptionHandlerOnlyAsyncConfigurerConfiguration.class,
				AsyncConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(BetaPoolTaskExecutor.class);
				assertThat(context).doesNotHaveBean(ThreadPoolTaskExecutor.class);
				assertThat(context.getBean(AsyncConfigurer.class))
					.isSameAs(context.getBean(ExceptionHandlerOnlyAsyncConfigurerConfiguration.class).configurer);
				AsyncService service = context.getBean(AsyncService.class);
				assertThat(service.threadName().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith("betapool-");
				service.run(() -> {
					throw new IllegalStateException("handled by the application");
				});
				ExceptionHandlerOnlyAsyncConfigurerConfiguration configuration = context
					.getBean(ExceptionHandlerOnlyAsyncConfigurerConfiguration.class);
				assertThat(configuration.handled.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
				assertThat(configuration.failure.get()).hasMessage("handled by the application");
				assertThat(configuration.threadName.get()).startsWith("betapool-");
			});
	}

	@Test
	void runsAsyncMethodsOnTheExecutorOfAnAsyncConfigurerThatReturnsOneAndKeepsTheApplicationTaskExecutor() {
		this.contextRunner.withUserConfiguration(ExecutorAsyncConfigurerConfiguration.class, AsyncConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(BetaPoolTaskExecutor.class);
				assertThat(context.getBean(AsyncService.class).threadName().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
					.startsWith("configurer-");
			});
	}

	@Test
	void givesBackSpringBootsExecutorWhenDisabled() {
		this.contextRunner.withPropertyValues("betapool.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BetaPoolTaskExecutor.class);
			assertThat(context).doesNotHaveBean(BetaPoolProperties.class);
			assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(ThreadPoolTaskExecutor.class);
		});
	}

	@Test
	void keepsTheApplicationsOwnTaskExecutorBeanName() {
		this.contextRunner.withUserConfiguration(CustomTaskExecutorNameConfiguration.class).run((context) -> {
			assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(BetaPoolTaskExecutor.class);
			assertThat(context.getBean("taskExecutor")).isInstanceOf(SimpleAsyncTaskExecutor.class);
		});
	}

	@Test
	void bindsEveryProperty() {
		this.contextRunner
			.withPropertyValues("betapool.min-workers=2", "betapool.max-workers=12", "betapool.queue-capacity=500",
					"betapool.thread-name-prefix=worker-", "betapool.policy=seed", "betapool.decision-history-size=50",
					"betapool.controller.monitor-interval=250ms", "betapool.controller.beta-high-threshold=0.8",
					"betapool.controller.beta-low-threshold=0.2", "betapool.controller.scale-up-step=3",
					"betapool.controller.scale-down-step=2", "betapool.controller.cpu-upper-threshold=90",
					"betapool.controller.cpu-lower-threshold=40", "betapool.controller.stabilization-window=3s",
					"betapool.controller.warmup-task-count=20", "betapool.controller.keep-alive=15s",
					"betapool.shutdown.await-termination-period=5s")
			.run((context) -> {
				BetaPoolTaskExecutor executor = context.getBean(BetaPoolTaskExecutor.class);
				AdaptiveThreadPoolExecutor pool = executor.getThreadPoolExecutor();
				assertThat(pool.getMinWorkers()).isEqualTo(2);
				assertThat(pool.getMaxWorkers()).isEqualTo(12);
				assertThat(pool.getQueueCapacity()).isEqualTo(500);
				assertThat(pool.getThreadNamePrefix()).isEqualTo("worker-");
				assertThat(pool.getConfig()).isEqualTo(ControllerConfig.builder()
					.policy(Policy.SEED)
					.decisionHistorySize(50)
					.monitorInterval(Duration.ofMillis(250))
					.betaHighThreshold(0.8)
					.betaLowThreshold(0.2)
					.scaleUpStep(3)
					.scaleDownStep(2)
					.cpuUpperThreshold(90)
					.cpuLowerThreshold(40)
					.stabilizationWindow(Duration.ofSeconds(3))
					.warmupTaskCount(20)
					.keepAlive(Duration.ofSeconds(15))
					.build());
				assertThat(executor.getAwaitTerminationPeriod()).isEqualTo(Duration.ofSeconds(5));
				assertThat(executor.submitCompletable(() -> Thread.currentThread().getName())
					.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith("worker-");
			});
	}

	@Test
	void runsTheDefaultsOfTheCore() {
		this.contextRunner.run((context) -> {
			BetaPoolTaskExecutor executor = context.getBean(BetaPoolTaskExecutor.class);
			AdaptiveThreadPoolExecutor pool = executor.getThreadPoolExecutor();
			assertThat(pool.getMinWorkers()).isEqualTo(AdaptiveThreadPoolExecutor.DEFAULT_MIN_WORKERS);
			assertThat(pool.getMaxWorkers()).isEqualTo(AdaptiveThreadPoolExecutor.DEFAULT_MAX_WORKERS);
			assertThat(pool.getQueueCapacity()).isEqualTo(Integer.MAX_VALUE);
			assertThat(pool.getThreadNamePrefix()).isEqualTo(AdaptiveThreadPoolExecutor.DEFAULT_THREAD_NAME_PREFIX);
			assertThat(pool.getConfig()).isEqualTo(ControllerConfig.defaults());
		});
	}

	@Test
	void appliesCustomizersAfterTheProperties() {
		this.contextRunner.withPropertyValues("betapool.thread-name-prefix=from-properties-")
			.withBean(BetaPoolExecutorCustomizer.class, () -> (builder) -> builder.threadNamePrefix("customized-"))
			.run((context) -> assertThat(
					context.getBean(BetaPoolTaskExecutor.class).getThreadPoolExecutor().getThreadNamePrefix())
				.isEqualTo("customized-"));
	}

	@Test
	void completesAQueuedCompletableFutureExceptionallyWhenTheContextCloses() {
		CountDownLatch release = new CountDownLatch(1);
		this.contextRunner.withUserConfiguration(AsyncConfiguration.class)
			.withPropertyValues("betapool.min-workers=1", "betapool.max-workers=1",
					"betapool.shutdown.await-termination-period=0s")
			.run((context) -> {
				AsyncService service = context.getBean(AsyncService.class);
				CountDownLatch started = new CountDownLatch(1);
				CompletableFuture<String> running = service.blockUntil(started, release);
				CompletableFuture<String> queued = service.threadName();
				assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
				AdaptiveThreadPoolExecutor pool = context.getBean(BetaPoolTaskExecutor.class).getThreadPoolExecutor();
				context.close();
				assertThat(queued).isCompletedExceptionally();
				assertThatExceptionOfType(CancellationException.class).isThrownBy(queued::join);
				assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
				assertThat(running).isCompletedExceptionally();
			});
		release.countDown();
	}

	@Test
	void rejectsTasksAfterTheContextClosed() {
		this.contextRunner.run((context) -> {
			BetaPoolTaskExecutor executor = context.getBean(BetaPoolTaskExecutor.class);
			context.close();
			assertThat(executor.getThreadPoolExecutor().awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			executor.destroy();
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.execute(() -> {
			}));
		});
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

		volatile String lastThreadName;

		@Async
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		@Async
		public CompletableFuture<String> requestId() {
			return CompletableFuture.completedFuture(TaskDecoratorsConfiguration.requestId.get());
		}

		@Async
		public CompletableFuture<String> fail() {
			throw new IllegalStateException("async failure");
		}

		@Async
		public void run(Runnable action) {
			action.run();
		}

		@Async
		public CompletableFuture<String> blockUntil(CountDownLatch started, CountDownLatch release)
				throws InterruptedException {
			started.countDown();
			release.await();
			return CompletableFuture.completedFuture("released");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TaskDecoratorsConfiguration {

		static final ThreadLocal<String> requestId = new ThreadLocal<>();

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(1)
		TaskDecorator firstTaskDecorator() {
			return (task) -> {
				String captured = requestId.get();
				return () -> {
					this.applied.add("first");
					requestId.set(captured);
					try {
						task.run();
					}
					finally {
						requestId.remove();
					}
				};
			};
		}

		@Bean
		@Order(2)
		TaskDecorator secondTaskDecorator() {
			return (task) -> () -> {
				this.applied.add("second");
				task.run();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomApplicationTaskExecutorConfiguration {

		@Bean
		Executor applicationTaskExecutor() {
			return new SimpleAsyncTaskExecutor("custom-");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ExceptionHandlerOnlyAsyncConfigurerConfiguration {

		final CountDownLatch handled = new CountDownLatch(1);

		final AtomicReference<Throwable> failure = new AtomicReference<>();

		final AtomicReference<String> threadName = new AtomicReference<>();

		final AsyncConfigurer configurer = new AsyncConfigurer() {

			@Override
			public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
				return (ex, method, params) -> {
					ExceptionHandlerOnlyAsyncConfigurerConfiguration.this.failure.set(ex);
					ExceptionHandlerOnlyAsyncConfigurerConfiguration.this.threadName
						.set(Thread.currentThread().getName());
					ExceptionHandlerOnlyAsyncConfigurerConfiguration.this.handled.countDown();
				};
			}

		};

		@Bean
		AsyncConfigurer exceptionHandlerOnlyAsyncConfigurer() {
			return this.configurer;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ExecutorAsyncConfigurerConfiguration {

		@Bean
		AsyncConfigurer executorAsyncConfigurer() {
			return new AsyncConfigurer() {

				@Override
				public Executor getAsyncExecutor() {
					return new SimpleAsyncTaskExecutor("configurer-");
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomTaskExecutorNameConfiguration {

		@Bean
		SimpleAsyncTaskExecutor taskExecutor() {
			return new SimpleAsyncTaskExecutor("custom-");
		}

	}

}
