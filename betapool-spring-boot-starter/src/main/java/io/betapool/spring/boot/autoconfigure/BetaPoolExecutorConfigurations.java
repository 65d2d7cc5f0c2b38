package io.betapool.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import io.betapool.spring.boot.BetaPoolTaskExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.task.SimpleAsyncTaskExecutorCustomizer;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.scheduling.annotation.AsyncAnnotationBeanPostProcessor;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Configurations imported by {@link BetaPoolAutoConfiguration}.
 */
final class BetaPoolExecutorConfigurations {

	private BetaPoolExecutorConfigurations() {
	}

	/**
	 * The properties, with Spring Boot's {@code spring.task.execution.*} values as defaults, and the factory
	 * every executor of the starter is built by.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PropertiesConfiguration {

		private static final Logger logger = LoggerFactory.getLogger(BetaPoolAutoConfiguration.class);

		@Bean
		@ConditionalOnMissingBean
		BetaPoolProperties betaPoolProperties(Environment environment, ListableBeanFactory beanFactory) {
			SpringTaskExecutionDefaults defaults = SpringTaskExecutionDefaults.of(environment);
			List<String> customizers = new ArrayList<>();
			for (Class<?> type : List.of(ThreadPoolTaskExecutorCustomizer.class, SimpleAsyncTaskExecutorCustomizer.class)) {
				customizers.addAll(List.of(beanFactory.getBeanNamesForType(type, true, false)));
			}
			defaults.log(logger, customizers);
			BetaPoolProperties properties = new BetaPoolProperties();
			defaults.applyTo(properties);
			return properties;
		}

		@Bean
		BetaPoolExecutorFactory betaPoolExecutorFactory(Environment environment, BetaPoolProperties properties,
				ObjectProvider<TaskDecorator> taskDecorators, ObjectProvider<BetaPoolExecutorCustomizer> customizers) {
			return new BetaPoolExecutorFactory(environment, properties, taskDecorator(taskDecorators),
					customizers.orderedStream().toList());
		}

		private static @Nullable TaskDecorator taskDecorator(ObjectProvider<TaskDecorator> taskDecorators) {
			List<TaskDecorator> decorators = taskDecorators.orderedStream().toList();
			if (decorators.size() == 1) {
				return decorators.get(0);
			}
			return decorators.isEmpty() ? null : new CompositeTaskDecorator(decorators);
		}

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
		BetaPoolTaskExecutor applicationTaskExecutor(BetaPoolExecutorFactory factory) {
			return factory.applicationTaskExecutor();
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

	/**
	 * Registers a {@link BetaPoolTaskExecutor} bean for each name under {@code betapool.executors}, built
	 * when first needed by the {@link BetaPoolExecutorFactory}.
	 */
	static class NamedExecutorsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

		private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");

		private static final Set<String> RESERVED = Set.of(
				BetaPoolAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME,
				AsyncAnnotationBeanPostProcessor.DEFAULT_TASK_EXECUTOR_BEAN_NAME,
				BetaPoolAutoConfiguration.WEB_SERVER_EXECUTOR_BEAN_NAME);

		private @Nullable Environment environment;

		private @Nullable BeanFactory beanFactory;

		@Override
		public void setEnvironment(Environment environment) {
			this.environment = environment;
		}

		@Override
		public void setBeanFactory(BeanFactory beanFactory) {
			this.beanFactory = beanFactory;
		}

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			if (this.environment == null || this.beanFactory == null) {
				return;
			}
			BeanFactory factory = this.beanFactory;
			Map<String, PoolProperties> executors = Binder.get(this.environment)
				.bind(BetaPoolExecutorFactory.EXECUTORS_PREFIX, Bindable.mapOf(String.class, PoolProperties.class))
				.orElse(Map.of());
			for (String name : executors.keySet()) {
				checkName(name, registry);
				RootBeanDefinition definition = new RootBeanDefinition(BetaPoolTaskExecutor.class,
						() -> factory.getBean(BetaPoolExecutorFactory.class).namedExecutor(name));
				registry.registerBeanDefinition(name, definition);
			}
		}

		private static void checkName(String name, BeanDefinitionRegistry registry) {
			String property = BetaPoolExecutorFactory.EXECUTORS_PREFIX;
			if (!NAME.matcher(name).matches()) {
				throw new InvalidBetaPoolPropertyException(property, name,
						"a name of letters, digits and dashes that starts with a letter, such as io or report-builder");
			}
			if (RESERVED.contains(name) || registry.containsBeanDefinition(name) || registry.isAlias(name)) {
				throw new InvalidBetaPoolPropertyException(property, name,
						"a name that no other bean has and none of "
								+ String.join(", ", RESERVED.stream().sorted().toList()));
			}
		}

	}

}
