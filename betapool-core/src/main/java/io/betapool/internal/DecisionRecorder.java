package io.betapool.internal;

import java.util.concurrent.atomic.AtomicLongArray;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;

/**
 * Records what the controller decided: into the pool's bounded {@link DecisionLog}, into a count per
 * action, and, when enabled, into the {@code io.betapool} logger (resizes at INFO, holds at DEBUG).
 * Stall reports are logged at WARNING whether or not decision logging is enabled.
 */
final class DecisionRecorder {

	private final DecisionLog log;

	private final AtomicLongArray counts = new AtomicLongArray(ScalingAction.values().length);

	private final java.util.concurrent.atomic.AtomicLong stalls = new java.util.concurrent.atomic.AtomicLong();

	private final boolean logDecisions;

	private final System.Logger logger;

	private final String poolName;

	DecisionRecorder(DecisionLog log, boolean logDecisions, System.Logger logger, String poolName) {
		this.log = log;
		this.logDecisions = logDecisions;
		this.logger = logger;
		this.poolName = poolName;
	}

	void record(ScalingDecision decision) {
		this.log.add(decision);
		this.counts.incrementAndGet(decision.action().ordinal());
		if (!this.logDecisions) {
			return;
		}
		System.Logger.Level level = (decision.action() == ScalingAction.HOLD) ? System.Logger.Level.DEBUG
				: System.Logger.Level.INFO;
		if (this.logger.isLoggable(level)) {
			this.logger.log(level, "{0} {1} -> {2} threads: {3}", decision.action(), decision.threadsBefore(),
					decision.threadsAfter(), decision.reason());
		}
	}

	void warnStall(ScalingDecision stall) {
		this.stalls.incrementAndGet();
		this.logger.log(System.Logger.Level.WARNING, "{0} [executor ''{1}'']", stall.reason(), this.poolName);
	}

	/** How many "Possible deadlock" reports were made. */
	long stalls() {
		return this.stalls.get();
	}

	/** How many decisions of the given kind were recorded. */
	long count(ScalingAction action) {
		return this.counts.get(action.ordinal());
	}

}
