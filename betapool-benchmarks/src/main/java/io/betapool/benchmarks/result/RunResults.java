package io.betapool.benchmarks.result;

import java.util.List;
import java.util.Objects;

/**
 * The results of a whole run.
 *
 * @param info how the run was made
 * @param workloads the results of each fixed workload, in the order they ran
 * @param scenarioSets the scenario sets the run measured
 */
public record RunResults(RunInfo info, List<WorkloadResults> workloads, List<ScenarioSet> scenarioSets) {

	public RunResults {
		Objects.requireNonNull(info, "info");
		workloads = List.copyOf(workloads);
		scenarioSets = List.copyOf(scenarioSets);
	}

	/** The results of a run without scenarios. */
	public RunResults(RunInfo info, List<WorkloadResults> workloads) {
		this(info, workloads, List.of());
	}

}
