package io.betapool.sample.load;

import java.util.ArrayList;
import java.util.List;

import io.betapool.sample.web.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A load plan as written by a user, in the body of {@code POST /load} or under {@code sample.demo.plan};
 * {@link #toPlan()} checks it.
 * <pre>{@code
 * {"repeat": false, "phases": [
 *   {"name": "io-heavy", "workload": "rag", "ratePerSecond": 50, "durationSeconds": 20},
 *   {"name": "idle", "workload": "idle", "durationSeconds": 10}]}
 * }</pre>
 *
 * @param phases the phases, 1 to {@value #MAX_PHASES}
 * @param repeat whether the plan starts over after its last phase; {@code false} when absent
 */
public record LoadPlanSpec(@Nullable List<@Nullable LoadPhaseSpec> phases, @Nullable Boolean repeat) {

	/** Most phases a plan may have. */
	public static final int MAX_PHASES = 50;

	/**
	 * The checked plan.
	 * @throws InvalidInputException naming the first field that is missing or out of range, such as
	 * {@code phases[1].ratePerSecond}
	 */
	public LoadPlan toPlan() {
		if (this.phases == null) {
			throw new InvalidInputException("phases", "is required");
		}
		if (this.phases.isEmpty() || this.phases.size() > MAX_PHASES) {
			throw new InvalidInputException("phases",
					"must have between 1 and " + MAX_PHASES + " phases, but had " + this.phases.size());
		}
		List<LoadPhase> checked = new ArrayList<>(this.phases.size());
		for (int i = 0; i < this.phases.size(); i++) {
			LoadPhaseSpec phase = this.phases.get(i);
			if (phase == null) {
				throw new InvalidInputException("phases[" + i + "]", "must be an object");
			}
			checked.add(phase.toPhase("phases[" + i + "]."));
		}
		return new LoadPlan(checked, Boolean.TRUE.equals(this.repeat));
	}

}
