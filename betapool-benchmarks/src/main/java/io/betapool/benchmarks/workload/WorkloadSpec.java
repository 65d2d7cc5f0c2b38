package io.betapool.benchmarks.workload;

import java.util.List;
import java.util.Objects;

import io.betapool.control.KneeModel;
import org.jspecify.annotations.Nullable;

/**
 * A workload: one phase for a steady stream, several for a stream whose kind of work shifts, and the
 * number of tasks a closed loop keeps outstanding.
 *
 * <p>Its Goetz size, the static size a developer would compute from the work as first deployed, is
 * {@code ⌈cores / (1 − β₀)⌉} with β₀ the nominal blocking ratio of the first phase (computed by
 * {@link KneeModel#goetzSize}).
 *
 * @param id a short identifier used in file names and CSV, such as {@code io-heavy}
 * @param title a title for the report
 * @param phases the phases in the order they run; at least one
 * @param outstanding tasks a closed loop keeps in progress
 * @param bursts for on/off load, when work is offered; {@code null} when it is offered throughout
 */
public record WorkloadSpec(String id, String title, List<Phase> phases, int outstanding, @Nullable Bursts bursts) {

	public WorkloadSpec {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(title, "title");
		phases = List.copyOf(phases);
		if (phases.isEmpty()) {
			throw new IllegalArgumentException("a workload needs at least one phase");
		}
		if (outstanding < 1) {
			throw new IllegalArgumentException("outstanding must be >= 1, but was " + outstanding);
		}
		if (bursts != null && bursts.count() < phases.size()) {
			throw new IllegalArgumentException("on/off load needs a burst per phase at least, but had "
					+ bursts.count() + " bursts for " + phases.size() + " phases");
		}
	}

	/** A workload whose work is offered throughout. */
	public WorkloadSpec(String id, String title, List<Phase> phases, int outstanding) {
		this(id, title, phases, outstanding, null);
	}

	/** Whether work comes in bursts separated by idle gaps. */
	public boolean isBursty() {
		return this.bursts != null;
	}

	/** Whether the kind of work changes during a run. */
	public boolean isPhaseShift() {
		return this.phases.size() > 1;
	}

	/** The phase a developer would size a static pool for: the first. */
	public Phase nominal() {
		return this.phases.get(0);
	}

	/** {@code ⌈cores / (1 − β₀)⌉}, capped at {@code maxSize}. */
	public int goetzSize(int cores, int maxSize) {
		return (int) Math.min(maxSize, KneeModel.goetzSize(cores, nominal().beta()));
	}

}
