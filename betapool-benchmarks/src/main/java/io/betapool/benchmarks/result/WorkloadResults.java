package io.betapool.benchmarks.result;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.betapool.benchmarks.workload.WorkloadSpec;

/**
 * Every cell measured for one workload.
 *
 * @param spec the workload
 * @param cells the cells in the order they ran
 */
public record WorkloadResults(WorkloadSpec spec, List<CellResult> cells) {

	public WorkloadResults {
		Objects.requireNonNull(spec, "spec");
		cells = List.copyOf(cells);
	}

	/** The cells of one load mode, in the order they ran. */
	public List<CellResult> cells(LoadMode mode) {
		return this.cells.stream().filter((cell) -> cell.mode().equals(mode)).toList();
	}

	/** The cell of {@code contenderId} under {@code mode}, if it ran. */
	public Optional<CellResult> cell(LoadMode mode, String contenderId) {
		return this.cells.stream()
			.filter((cell) -> cell.mode().equals(mode) && cell.contender().id().equals(contenderId))
			.findFirst();
	}

	/** The load modes measured, closed loop first. */
	public List<LoadMode> modes() {
		return this.cells.stream().map(CellResult::mode).distinct().toList();
	}

}
