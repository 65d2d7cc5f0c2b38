package io.betapool.benchmarks.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.contender.ContenderKind;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.LoadMode;
import org.jspecify.annotations.Nullable;

/**
 * Virtual threads against the platform pools, per workload and load mode. The platform side is
 * represented by its best pool there:
 * <pre>
 *   top      = the highest throughput of any contender, virtual threads included
 *   platform = among platform pools with X ≥ {@value #SAME_THROUGHPUT} · top, the one with the lowest p99;
 *              if none reaches that, the platform pool with the highest X
 *   winner   = virtual threads if X(vt) ≥ {@value #SAME_THROUGHPUT} · top and either no platform pool
 *              reaches that band or p99(vt) ≤ p99(platform); else the platform pool
 * </pre>
 */
public final class VirtualThreadComparison {

	/** Throughputs within 2 % count as the same. */
	public static final double SAME_THROUGHPUT = 0.98;

	private VirtualThreadComparison() {
	}

	/** The comparisons of every workload and mode where virtual threads ran. */
	public static List<Match> compare(List<WorkloadView> views) {
		List<Match> matches = new ArrayList<>();
		for (WorkloadView view : views) {
			for (LoadMode mode : view.results().modes()) {
				compare(view, mode).ifPresent(matches::add);
			}
		}
		return matches;
	}

	static Optional<Match> compare(WorkloadView view, LoadMode mode) {
		Optional<CellResult> virtual = view.cell(mode, Contender.virtualThreads());
		if (virtual.isEmpty()) {
			return Optional.empty();
		}
		CellResult vt = virtual.get();
		List<CellResult> platform = view.results()
			.cells(mode)
			.stream()
			.filter((cell) -> cell.contender().kind() != ContenderKind.VIRTUAL_THREADS)
			.toList();
		if (platform.isEmpty()) {
			return Optional.empty();
		}
		double top = vt.overall().throughput();
		for (CellResult cell : platform) {
			top = Math.max(top, cell.overall().throughput());
		}
		double floor = SAME_THROUGHPUT * top;
		@Nullable CellResult rival = null;
		for (CellResult cell : platform) {
			if (cell.overall().throughput() >= floor
					&& (rival == null || cell.overall().p99Ms() < rival.overall().p99Ms())) {
				rival = cell;
			}
		}
		boolean platformInBand = rival != null;
		if (rival == null) {
			rival = platform.get(0);
			for (CellResult cell : platform) {
				if (cell.overall().throughput() > rival.overall().throughput()) {
					rival = cell;
				}
			}
		}
		boolean virtualWins = vt.overall().throughput() >= floor
				&& (!platformInBand || vt.overall().p99Ms() <= rival.overall().p99Ms());
		return Optional.of(new Match(view.spec().id(), mode, vt, rival, virtualWins));
	}

	/**
	 * Virtual threads against the best platform pool of one workload and mode.
	 * @param workload the workload's id
	 * @param mode the load mode
	 * @param virtualThreads the virtual threads' cell
	 * @param platform the best platform pool's cell
	 * @param virtualThreadsWin whether virtual threads won
	 */
	public record Match(String workload, LoadMode mode, CellResult virtualThreads, CellResult platform,
			boolean virtualThreadsWin) {

		/** {@code X(virtual threads) / X(platform)}. */
		public double throughputRatio() {
			return this.virtualThreads.overall().throughput() / this.platform.overall().throughput();
		}

		/** {@code p99(virtual threads) / p99(platform)}. */
		public double p99Ratio() {
			return this.virtualThreads.overall().p99Ms() / this.platform.overall().p99Ms();
		}

	}

}
