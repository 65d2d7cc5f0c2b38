package io.betapool.spring.boot.actuate;

import io.betapool.spring.boot.BetaPoolTaskExecutor;
import io.betapool.spring.boot.autoconfigure.BetaPoolAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BetaPoolEndpointAutoConfiguration}.
 */
class BetaPoolEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BetaPoolAutoConfiguration.class, BetaPoolEndpointAutoConfiguration.class));

	@Test
	void describesTheApplicationTaskExecutorWhenTheEndpointIsExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=betapool").run((context) -> {
			assertThat(context).hasSingleBean(BetaPoolEndpoint.class);
			assertThat(context.getBean(BetaPoolEndpoint.class).executors().executors())
				.containsOnlyKeys("applicationTaskExecutor");
		});
	}

	@Test
	void backsOffWhenTheEndpointIsNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(BetaPoolEndpoint.class));
	}

	@Test
	void backsOffWhenTheEndpointIsDisabled() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=betapool",
					"management.endpoint.betapool.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(BetaPoolEndpoint.class));
	}

	@Test
	void theExecutorWorksWithoutActuatorOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=betapool")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(BetaPoolTaskExecutor.class);
				assertThat(context).doesNotHaveBean(BetaPoolEndpoint.class);
			});
	}

}
