package io.betapool.benchmarks.result;

import java.util.List;
import java.util.Objects;

import io.betapool.benchmarks.workload.Scenario;

/**
 * The results of one seed set of the scenario suite, with what is needed to draw its scenarios again
 * and to say how it was measured.
 *
 * @param seed the set's seed
 * @param seconds the measured length of a scenario without bursts, in seconds (on/off timelines scale with it)
 * @param cores processors available to the run
 * @param iterationsPerCpuMs the calibration of CPU work the run used
 * @param quick whether it was a smoke run
 * @param started when the run started, ISO-8601
 * @param minutes how long the set took, in minutes
 * @param command the command that reproduces it
 * @param jdk the Java runtime
 * @param baselines for a tuning rerun, the file whose cells of every contender but betapool ADAPTIVE were
 *     reused; empty when every contender ran
 * @param scenarios the results of each scenario, in order
 */
public record ScenarioSet(long seed, double seconds, int cores, double iterationsPerCpuMs, boolean quick,
		String started, double minutes, String command, String jdk, String baselines, List<ScenarioResult> scenarios) {

	/** The seed of the training set: the scenarios the controller's constants may be tuned on. */
	public static final long TRAINING_SEED = 1;

	/** The seed of the test set the report judges the goals on; no tuning looks at it. */
	public static final long TEST_SEED = 1001;

	public ScenarioSet {
		Objects.requireNonNull(started, "started");
		Objects.requireNonNull(command, "command");
		Objects.requireNonNull(jdk, "jdk");
		Objects.requireNonNull(baselines, "baselines");
		scenarios = List.copyOf(scenarios);
	}

	/** Whether this is the training set, whose scenarios tuning may look at. */
	public boolean isTraining() {
		return this.seed == TRAINING_SEED;
	}

	/** The scenarios of the set, drawn again from its seed, in the order of {@link #scenarios()}. */
	public List<Scenario> drawn() {
		int count = this.scenarios.stream().mapToInt(ScenarioResult::index).max().orElse(-1) + 1;
		List<Scenario> all = Scenario.draw(this.seed, count);
		return this.scenarios.stream().map((result) -> all.get(result.index())).toList();
	}

}
