package io.betapool.benchmarks.result;

import java.util.List;
import java.util.Objects;

/**
 * The results of a whole run.
 *
 * @param info how the run was made
 * @param workloads the results of each workload, in the order they ran
 */
public record RunResults(RunInfo info, List<WorkloadResults> workloads) {

	public RunResults {
		Objects.requireNonNull(info, "info");
		workloads = List.copyOf(workloads);
	}

}
