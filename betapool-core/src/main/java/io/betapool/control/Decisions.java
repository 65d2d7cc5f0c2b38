package io.betapool.control;

import java.util.Locale;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;

/**
 * Builds decision records and the numbers in their reasons, for all policies alike.
 */
final class Decisions {

	private Decisions() {
	}

	static ScalingDecision decision(ControlSample sample, double beta, int threadsAfter, ScalingAction action,
			String reason) {
		return new ScalingDecision(sample.timestamp(), sample.currentThreads(), threadsAfter, beta,
				sample.cpuPercent(), sample.throughput(), action, reason);
	}

	static ScalingDecision hold(ControlSample sample, double beta, String reason) {
		return decision(sample, beta, sample.currentThreads(), ScalingAction.HOLD, reason);
	}

	static ScalingDecision veto(ControlSample sample, double beta, String reason) {
		return decision(sample, beta, sample.currentThreads(), ScalingAction.VETO, reason);
	}

	static ScalingDecision resize(ControlSample sample, double beta, int threadsAfter, String reason) {
		ScalingAction action = (threadsAfter > sample.currentThreads()) ? ScalingAction.SCALE_UP
				: ScalingAction.SCALE_DOWN;
		return decision(sample, beta, threadsAfter, action, reason);
	}

	static String ratio(double value) {
		return Double.isNaN(value) ? "unknown" : String.format(Locale.ROOT, "%.2f", value);
	}

	static String percent(double value) {
		return Double.isNaN(value) ? "unknown" : String.format(Locale.ROOT, "%.0f%%", value);
	}

	static String millis(long nanos) {
		return String.format(Locale.ROOT, "%d ms", nanos / 1_000_000);
	}

	static int clamp(long size, ControlSample sample) {
		return (int) Math.max(sample.minWorkers(), Math.min(sample.maxWorkers(), size));
	}

}
