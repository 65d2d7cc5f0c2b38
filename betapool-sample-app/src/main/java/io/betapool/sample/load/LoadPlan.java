package io.betapool.sample.load;

import java.util.List;

/**
 * A checked load plan: phases run in order, and again from the first when {@code repeat} is set.
 *
 * @param phases the phases, at least one
 * @param repeat whether the plan starts over after its last phase
 */
public record LoadPlan(List<LoadPhase> phases, boolean repeat) {

	/**
	 * Creates a plan.
	 */
	public LoadPlan {
		phases = List.copyOf(phases);
		if (phases.isEmpty()) {
			throw new IllegalArgumentException("A plan needs at least one phase");
		}
	}

}
