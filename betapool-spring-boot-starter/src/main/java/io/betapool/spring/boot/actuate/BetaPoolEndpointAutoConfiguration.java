package io.betapool.spring.boot.actuate;

import io.betapool.spring.boot.BetaPoolExecutors;
import io.betapool.spring.boot.advice.BetaPoolAdviceAutoConfiguration;
import io.betapool.spring.boot.advice.PoolAdvisor;
import io.betapool.spring.boot.autoconfigure.BetaPoolAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link BetaPoolEndpoint betapool endpoint},
 * when Actuator is on the classpath and the endpoint is available (accessible and exposed).
 * <p>
 * The availability condition sits on the bean method, not the class: its condition class belongs to
 * Actuator, so it may only be loaded once the class condition has found Actuator.
 */
@AutoConfiguration(after = { BetaPoolAutoConfiguration.class, BetaPoolAdviceAutoConfiguration.class })
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
public final class BetaPoolEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(BetaPoolEndpoint.class)
	BetaPoolEndpoint betaPoolEndpoint(ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<PoolAdvisor> advisor) {
		return new BetaPoolEndpoint(BetaPoolExecutors.find(beanFactory), advisor.getIfAvailable());
	}

}
