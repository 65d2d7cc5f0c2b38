package io.betapool.benchmarks.result;

import java.util.Locale;
import java.util.Objects;

/**
 * How load is offered: a closed loop keeps a fixed number of tasks in progress, submitting a new task
 * whenever one completes (it saturates any pool); an open loop submits tasks at Poisson arrival times
 * whether or not earlier ones have finished, at a fraction of the workload's capacity.
 *
 * @param id a stable identifier for files and CSV: {@code closed} or {@code open-70}
 * @param load the offered fraction of capacity for an open loop; {@code NaN} for a closed loop
 */
public record LoadMode(String id, double load) {

	public LoadMode {
		Objects.requireNonNull(id, "id");
	}

	/** The closed loop. */
	public static LoadMode closed() {
		return new LoadMode("closed", Double.NaN);
	}

	/** An open loop at {@code load} of capacity, in (0, 1]. */
	public static LoadMode open(double load) {
		if (!(load > 0 && load <= 1)) {
			throw new IllegalArgumentException("load must be in (0, 1], but was " + load);
		}
		return new LoadMode("open-" + Math.round(load * 100), load);
	}

	/** Whether this is the closed loop. */
	public boolean isClosed() {
		return Double.isNaN(this.load);
	}

	/** A label for the report, such as {@code open loop, 70 % of capacity}. */
	public String label() {
		return isClosed() ? "closed loop" : String.format(Locale.ROOT, "open loop, %d %% of capacity",
				Math.round(this.load * 100));
	}

}
