package io.betapool.spring.boot.metrics;

import io.betapool.spring.boot.BetaPoolExecutors;
import io.betapool.spring.boot.autoconfigure.BetaPoolAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link BetaPoolMetrics meters} of every
 * adaptive pool in the context. Spring Boot's own task-executor metrics cover only its executor types,
 * so the {@code executor.*} meters of an adaptive pool are registered here, once.
 */
@AutoConfiguration(after = BetaPoolAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class BetaPoolMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BetaPoolMetrics betaPoolMetrics(ConfigurableListableBeanFactory beanFactory) {
		return new BetaPoolMetrics(BetaPoolExecutors.find(beanFactory));
	}

}
