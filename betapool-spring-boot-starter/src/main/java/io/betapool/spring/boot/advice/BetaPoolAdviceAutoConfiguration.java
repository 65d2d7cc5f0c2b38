package io.betapool.spring.boot.advice;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of advice on the application's own thread pools
 * ({@code betapool.advice.enabled}, on by default): a {@link PoolAdvisor} that measures them, and their
 * {@code betapool.advice.*} meters when Micrometer is present. Their sizes never change.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@ConditionalOnProperty(prefix = "betapool.advice", name = "enabled", matchIfMissing = true)
public final class BetaPoolAdviceAutoConfiguration {

	/**
	 * Post-processors are created before properties beans can be; the advice's few properties are bound
	 * here directly.
	 */
	@Bean
	@ConditionalOnMissingBean
	static ApplicationPoolsPostProcessor betaPoolApplicationPoolsPostProcessor(Environment environment) {
		AdviceProperties properties = Binder.get(environment)
			.bindOrCreate("betapool.advice", AdviceProperties.class);
		properties.validate();
		return new ApplicationPoolsPostProcessor(new PoolAdvisor(properties.getInterval()));
	}

	@Bean
	PoolAdvisor betaPoolAdvisor(ApplicationPoolsPostProcessor postProcessor) {
		return postProcessor.advisor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class AdviceMetricsConfiguration {

		@Bean
		PoolAdviceMetrics betaPoolAdviceMetrics(PoolAdvisor advisor) {
			return new PoolAdviceMetrics(advisor);
		}

	}

}
