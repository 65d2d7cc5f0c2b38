package io.betapool.sample.load;

import java.time.Duration;

import io.betapool.sample.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the demo plan of {@code sample.demo.plan} once the application is ready, unless
 * {@code sample.demo.enabled} is {@code false}. An invalid demo plan stops the application from starting.
 */
@Component
class DemoPlanStarter {

	private final LoadDriver driver;

	private final @Nullable LoadPlan plan;

	private final Duration startDelay;

	DemoPlanStarter(LoadDriver driver, DemoProperties properties) {
		this.driver = driver;
		this.plan = (properties.enabled() && properties.plan() != null) ? check(properties.plan()) : null;
		this.startDelay = properties.startDelay();
	}

	private static LoadPlan check(LoadPlanSpec spec) {
		try {
			return spec.toPlan();
		}
		catch (InvalidInputException ex) {
			throw new IllegalStateException("Invalid demo plan: sample.demo.plan." + ex.getMessage(), ex);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void startDemo() {
		if (this.plan != null) {
			this.driver.startPlan(this.plan, this.startDelay);
		}
	}

}
