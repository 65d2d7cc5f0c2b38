package io.betapool.sample.load;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo plan that starts with the application, under {@code sample.demo}.
 *
 * @param enabled whether the demo plan starts when the application is ready
 * @param startDelay how long after the application is ready the plan's first phase starts, so that it
 * does not compete with the start-up work of the JVM
 * @param plan the plan, usually repeating
 */
@ConfigurationProperties("sample.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration startDelay,
		@Nullable LoadPlanSpec plan) {

}
