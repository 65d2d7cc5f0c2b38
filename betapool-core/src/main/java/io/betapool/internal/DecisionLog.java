package io.betapool.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.betapool.ScalingDecision;

/**
 * The latest decisions of a controller in a ring of fixed capacity: memory does not grow with
 * uptime. Written by the controller thread twice a second at most; read by anyone.
 */
final class DecisionLog {

	private final int capacity;

	private final ArrayDeque<ScalingDecision> decisions;

	DecisionLog(int capacity) {
		this.capacity = capacity;
		this.decisions = new ArrayDeque<>(Math.min(capacity, 1024));
	}

	synchronized void add(ScalingDecision decision) {
		if (this.decisions.size() == this.capacity) {
			this.decisions.removeFirst();
		}
		this.decisions.addLast(decision);
	}

	/** The decisions kept, oldest first. */
	synchronized List<ScalingDecision> snapshot() {
		return List.copyOf(new ArrayList<>(this.decisions));
	}

}
