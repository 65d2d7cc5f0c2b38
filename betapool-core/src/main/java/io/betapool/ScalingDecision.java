package io.betapool;

import java.time.Instant;
import java.util.Objects;

/**
 * One decision of the controller, kept in the bounded decision history of a pool.
 *
 * @param timestamp when the decision was taken
 * @param threadsBefore the target pool size before the decision
 * @param threadsAfter the target pool size after the decision
 * @param blockingRatio the blocking ratio β the decision was based on, in [0, 1], or NaN when unknown
 * @param cpuPercent the CPU utilisation the decision saw, in percent
 * @param throughput completed tasks per second in the interval the decision looked at
 * @param action what was decided
 * @param reason one human sentence saying why
 */
public record ScalingDecision(Instant timestamp, int threadsBefore, int threadsAfter, double blockingRatio,
		double cpuPercent, double throughput, ScalingAction action, String reason) {

	public ScalingDecision {
		Objects.requireNonNull(timestamp, "timestamp");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(reason, "reason");
	}

}
