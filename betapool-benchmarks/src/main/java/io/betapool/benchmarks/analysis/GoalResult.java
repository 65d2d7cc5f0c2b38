package io.betapool.benchmarks.analysis;

import java.util.Objects;

/**
 * One goal checked against one part of the results.
 *
 * @param goal the goal
 * @param scope where it was checked, such as {@code io-heavy, closed loop}
 * @param measured what was measured, in words and numbers
 * @param needed what the goal asks for there
 * @param verdict whether it was met
 * @param limits for a miss, what limits it, in words derived from the figures; empty otherwise
 */
public record GoalResult(Goal goal, String scope, String measured, String needed, Verdict verdict, String limits) {

	public GoalResult {
		Objects.requireNonNull(goal, "goal");
		Objects.requireNonNull(scope, "scope");
		Objects.requireNonNull(measured, "measured");
		Objects.requireNonNull(needed, "needed");
		Objects.requireNonNull(verdict, "verdict");
		Objects.requireNonNull(limits, "limits");
	}

}
