package io.betapool.spring.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.Executor;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.spring.boot.BetaPoolTaskExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.scheduling.annotation.AsyncAnnotationBeanPostProcessor;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Configurations imported by {@link BetaPoolAutoConfiguration}.
 */
final class BetaPoolExecutorConfigurations {

	private BetaPoolExecutorConfigurations() {
	}

	/**
	 * The application task executor, unless the application defines its own. An {@link AsyncConfigurer}
	 * of the application does not make it back off, as it does not make Boot's: {@code @Async} methods run
	 * on the configurer's executor when it returns one, and Spring falls back to this one when it returns
	 * {@code null}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(name = BetaPoolAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
	@Import(AsyncConfigurerConfiguration.class)
	static class TaskExecutorConfiguration {

		@Bean(BetaPoolAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
		BetaPoolTaskExecutor applicationTaskExecutor(BetaPoolProperties properties,
				ObjectProvider<TaskDecorator> taskDecorators, ObjectProvider<BetaPoolExecutorCustomizer> customizers) {
			AdaptiveThreadPoolExecutor.Builder builder = AdaptiveThreadPoolExecutor.builder()
				.minWorkers(properties.getMinWorkers())
				.maxWorkers(properties.getMaxWorkers())
				.queueCapacity(properties.getQueueCapacity())
				.threadNamePrefix(properties.getThreadNamePrefix())
				.config(controllerConfig(properties));
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return new BetaPoolTaskExecutor(builder.build(), taskDecorator(taskDecorators),
					properties.getShutdown().getAwaitTerminationPeriod());
		}

		/**
		 * Also names the executor {@code taskExecutor}, the name Spring's {@code @Async} support falls back
		 * to, unless the application uses that name for a bean of its own.
		 */
		@Bean
		static BeanFactoryPostProcessor betaPoolTaskExecutorAliasPostProcessor() {
			return (beanFactory) -> {
				if (!beanFactory.containsBean(AsyncAnnotationBeanPostProcessor.DEFAULT_TASK_EXECUTOR_BEAN_NAME)
						&& beanFactory.containsBean(BetaPoolAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)) {
					beanFactory.registerAlias(BetaPoolAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME,
							AsyncAnnotationBeanPostProcessor.DEFAULT_TASK_EXECUTOR_BEAN_NAME);
				}
			};
		}

		static ControllerConfig controllerConfig(BetaPoolProperties properties) {
			BetaPoolProperties.Controller controller = properties.getController();
			return ControllerConfig.builder()
				.monitorInterval(controller.getMonitorInterval())
				.betaHighThreshold(controller.getBetaHighThreshold())
				.betaLowThreshold(controller.getBetaLowThreshold())
				.scaleUpStep(controller.getScaleUpStep())
				.scaleDownStep(controller.getScaleDownStep())
				.cpuUpperThreshold(controller.getCpuUpperThreshold())
				.cpuLowerThreshold(controller.getCpuLowerThreshold())
				.stabilizationWindow(controller.getStabilizationWindow())
				.warmupTaskCount(controller.getWarmupTaskCount())
				.policy(properties.getPolicy())
				.decisionHistorySize(properties.getDecisionHistorySize())
				.build();
		}

		private static @Nullable TaskDecorator taskDecorator(ObjectProvider<TaskDecorator> taskDecorators) {
			List<TaskDecorator> decorators = taskDecorators.orderedStream().toList();
			if (decorators.size() == 1) {
				return decorators.get(0);
			}
			return decorators.isEmpty() ? null : new CompositeTaskDecorator(decorators);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncConfigurerConfiguration {

		@Bean
		@ConditionalOnMissingBean(AsyncConfigurer.class)
		AsyncConfigurer betaPoolAsyncConfigurer(BeanFactory beanFactory) {
			return new ApplicationTaskExecutorAsyncConfigurer(beanFactory);
		}

	}

	/**
	 * Runs {@code @Async} methods on the application task executor, looked up when first needed so that
	 * it is not created while bean post-processors are being registered, and logs what {@code void}
	 * {@code @Async} methods throw.
	 */
	static final class ApplicationTaskExecutorAsyncConfigurer implements AsyncConfigurer {

		private static final Logger logger = LoggerFactory.getLogger(ApplicationTaskExecutorAsyncConfigurer.class);

		private final BeanFactory beanFactory;

		ApplicationTaskExecutorAsyncConfigurer(BeanFactory beanFactory) {
			this.beanFactory = beanFactory;
		}

		@Override
		public Executor getAsyncExecutor() {
			return this.beanFactory.getBean(BetaPoolAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME,
					Executor.class);
		}

		@Override
		public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
			return (failure, method, arguments) -> logger.error("@Async method {} failed",
					method.getDeclaringClass().getName() + "." + method.getName(), failure);
		}

	}

}
