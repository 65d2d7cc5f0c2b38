package io.betapool.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that makes the adaptive executor of
 * {@code betapool-core} the application task executor: the {@code applicationTaskExecutor} bean that
 * {@code @Async} methods, Spring MVC asynchronous requests and WebFlux blocking calls run on, and the
 * {@link org.springframework.scheduling.annotation.AsyncConfigurer AsyncConfigurer} that returns it.
 * <p>
 * It runs before {@link TaskExecutionAutoConfiguration}, which then backs off. It backs off as Boot's
 * executor does: when the application defines an {@code applicationTaskExecutor} bean, and when
 * {@code betapool.enabled} is {@code false}. An application's own {@code AsyncConfigurer} replaces only
 * the configurer: {@code @Async} methods run on the executor it returns, or on this one when it returns
 * {@code null}, and its exception handler is used.
 * <p>
 * Each name under {@code betapool.executors} becomes an executor bean of that name, for
 * {@code @Async("name")}, whether or not the application task executor is the starter's. Spring Boot's
 * {@code spring.task.execution.*} values are defaults for their {@code betapool.*} equivalents.
 */
@AutoConfiguration(before = TaskExecutionAutoConfiguration.class)
@ConditionalOnProperty(prefix = "betapool", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties
@Import({ BetaPoolExecutorConfigurations.PropertiesConfiguration.class,
		BetaPoolExecutorConfigurations.TaskExecutorConfiguration.class,
		BetaPoolExecutorConfigurations.NamedExecutorsRegistrar.class })
public final class BetaPoolAutoConfiguration {

	/**
	 * Name of the application task executor bean.
	 */
	public static final String APPLICATION_TASK_EXECUTOR_BEAN_NAME = TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME;

	/**
	 * Name of the executor bean of the web server's request threads, and of its meters and endpoint entry.
	 */
	public static final String WEB_SERVER_EXECUTOR_BEAN_NAME = "tomcat";

}
