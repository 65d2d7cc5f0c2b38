package io.betapool.spring.boot.autoconfigure;

import io.betapool.AdaptiveThreadPoolExecutor;

/**
 * Callback to customize the builder of the auto-configured adaptive executor after the
 * {@code betapool.*} properties have been applied, for settings that have no property, such as a
 * rejected-execution handler or a task-metrics listener. Customizers run in
 * {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface BetaPoolExecutorCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, with the properties applied
	 */
	void customize(AdaptiveThreadPoolExecutor.Builder builder);

}
