package io.betapool.spring.boot;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.betapool.AdaptiveThreadPoolExecutor;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.SimpleAutowireCandidateResolver;

/**
 * Finds the adaptive pools of an application context, named by their bean names, for the meters and the
 * endpoint that report on them.
 */
public final class BetaPoolExecutors {

	private BetaPoolExecutors() {
	}

	/**
	 * The pools behind every {@link BetaPoolTaskExecutor} bean and every {@link AdaptiveThreadPoolExecutor}
	 * bean, each under the name of the bean that exposes it (the {@code BetaPoolTaskExecutor} bean when a
	 * pool is exposed twice), in bean registration order.
	 * @param beanFactory the bean factory to search
	 * @return the pools by bean name, unmodifiable
	 */
	public static Map<String, AdaptiveThreadPoolExecutor> find(ConfigurableListableBeanFactory beanFactory) {
		Objects.requireNonNull(beanFactory, "beanFactory");
		Map<String, AdaptiveThreadPoolExecutor> pools = new LinkedHashMap<>();
		Set<AdaptiveThreadPoolExecutor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		SimpleAutowireCandidateResolver.resolveAutowireCandidates(beanFactory, BetaPoolTaskExecutor.class)
			.forEach((name, taskExecutor) -> {
				if (seen.add(taskExecutor.getThreadPoolExecutor())) {
					pools.put(name, taskExecutor.getThreadPoolExecutor());
				}
			});
		SimpleAutowireCandidateResolver.resolveAutowireCandidates(beanFactory, AdaptiveThreadPoolExecutor.class)
			.forEach((name, pool) -> {
				if (seen.add(pool)) {
					pools.put(name, pool);
				}
			});
		return Collections.unmodifiableMap(pools);
	}

}
