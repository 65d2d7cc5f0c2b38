package io.betapool.sample.load;

import io.betapool.sample.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /load}: starts, reports and stops load plans.
 * <ul>
 * <li>{@code POST /load} with a {@link LoadPlanSpec} as JSON replaces the running plan: 202 with the
 * status, or 400 naming the offending field;</li>
 * <li>{@code GET /load} reports the current phase, its elapsed time and the plan;</li>
 * <li>{@code DELETE /load} stops the running plan.</li>
 * </ul>
 */
@RestController
@RequestMapping("/load")
public class LoadController {

	private final LoadDriver driver;

	LoadController(LoadDriver driver) {
		this.driver = driver;
	}

	/**
	 * Stops the running plan and starts {@code spec}.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	public LoadStatus start(@RequestBody(required = false) @Nullable LoadPlanSpec spec) {
		if (spec == null) {
			throw new InvalidInputException("body", "is required and must be a JSON document");
		}
		return this.driver.startPlan(spec.toPlan());
	}

	/**
	 * What the driver is doing.
	 */
	@GetMapping
	public LoadStatus status() {
		return this.driver.status();
	}

	/**
	 * Stops the running plan.
	 */
	@DeleteMapping
	public LoadStatus stop() {
		return this.driver.stopPlan();
	}

}
