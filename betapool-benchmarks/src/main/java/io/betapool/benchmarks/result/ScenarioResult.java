package io.betapool.benchmarks.result;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.betapool.benchmarks.contender.Contender;

/**
 * Every contender's figures on one scenario. The scenario itself is not stored: its seed and index
 * draw it again ({@link io.betapool.benchmarks.workload.Scenario#draw}).
 *
 * @param index the scenario's place in its set, from 0
 * @param id its identifier, such as {@code s1001-07}
 * @param cells one per contender, in the order they ran
 */
public record ScenarioResult(int index, String id, List<ScenarioCell> cells) {

	public ScenarioResult {
		Objects.requireNonNull(id, "id");
		cells = List.copyOf(cells);
	}

	/** The cell of {@code contender}, if it ran. */
	public Optional<ScenarioCell> cell(Contender contender) {
		return this.cells.stream().filter((cell) -> cell.contender().id().equals(contender.id())).findFirst();
	}

}
