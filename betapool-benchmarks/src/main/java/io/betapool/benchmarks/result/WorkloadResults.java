package io.betapool.benchmarks.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.betapool.benchmarks.workload.WorkloadSpec;

/**
 * Every cell measured for one workload.
 *
 * <p>A contender may run several rounds under one load mode. Everything that compares contenders
 * sees one cell per contender and mode, its median round: ranked by throughput in the closed loop,
 * where throughput is what varies, and by p99 latency in the open loop, where the arrivals fix the
 * throughput. With an even number of rounds the worse of the two middle rounds is taken.
 *
 * @param spec the workload
 * @param cells every round of every cell, in the order they ran
 */
public record WorkloadResults(WorkloadSpec spec, List<CellResult> cells) {

	public WorkloadResults {
		Objects.requireNonNull(spec, "spec");
		cells = List.copyOf(cells);
	}

	/** The median round of each contender under {@code mode}, in the order the contenders first ran. */
	public List<CellResult> cells(LoadMode mode) {
		Map<String, List<CellResult>> byContender = new LinkedHashMap<>();
		for (CellResult cell : this.cells) {
			if (cell.mode().equals(mode)) {
				byContender.computeIfAbsent(cell.contender().id(), (id) -> new ArrayList<>()).add(cell);
			}
		}
		return byContender.values().stream().map(WorkloadResults::median).toList();
	}

	/** The median round of {@code contenderId} under {@code mode}, if it ran. */
	public Optional<CellResult> cell(LoadMode mode, String contenderId) {
		List<CellResult> rounds = rounds(mode, contenderId);
		return rounds.isEmpty() ? Optional.empty() : Optional.of(median(rounds));
	}

	/** Every round of {@code contenderId} under {@code mode}, in the order they ran. */
	public List<CellResult> rounds(LoadMode mode, String contenderId) {
		return this.cells.stream()
			.filter((cell) -> cell.mode().equals(mode) && cell.contender().id().equals(contenderId))
			.toList();
	}

	/** The load modes measured, closed loop first. */
	public List<LoadMode> modes() {
		return this.cells.stream().map(CellResult::mode).distinct().toList();
	}

	/** The median of {@code rounds} (all of one contender and mode), worse first on a tie of the middle two. */
	static CellResult median(List<CellResult> rounds) {
		Comparator<CellResult> worseFirst = rounds.get(0).mode().isClosed()
				? Comparator.comparingDouble((CellResult cell) -> cell.overall().throughput())
				: Comparator.comparingDouble((CellResult cell) -> cell.overall().p99Ms()).reversed();
		List<CellResult> sorted = new ArrayList<>(rounds);
		sorted.sort(worseFirst);
		return sorted.get((sorted.size() - 1) / 2);
	}

}
