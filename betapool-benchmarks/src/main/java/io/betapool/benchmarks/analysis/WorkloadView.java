package io.betapool.benchmarks.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.betapool.Policy;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.contender.ContenderKind;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.Figures;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.Sample;
import io.betapool.benchmarks.result.WorkloadResults;
import io.betapool.benchmarks.workload.Phase;
import io.betapool.benchmarks.workload.WorkloadSpec;

/**
 * The results of one workload seen the way the report compares them.
 *
 * <p>The static sweep is the closed loop's: the best static size and the knee are found there and
 * reused for the open loops, whose capacity is the best static pool's closed-loop throughput. In
 * every mode the ratio to the best static is
 * <pre>
 *   ratio(cell) = X(cell) / X(static pool of the best size, same mode)
 * </pre>
 */
public final class WorkloadView {

	/** The size of the seed's naive static pool. */
	public static final int NAIVE_SIZE = Contender.BETAPOOL_MAX;

	/** A p99 within this multiple of the best counts as as good, for {@link #openKnee}. */
	public static final double OPEN_KNEE_P99 = 1.1;

	/** Seconds after a shift that a phase's settled figures leave out. */
	public static final double SETTLE_SECONDS = 2.0;

	private final WorkloadResults results;

	private final int cores;

	public WorkloadView(WorkloadResults results, int cores) {
		this.results = results;
		this.cores = cores;
	}

	public WorkloadResults results() {
		return this.results;
	}

	public WorkloadSpec spec() {
		return this.results.spec();
	}

	public int cores() {
		return this.cores;
	}

	/** The closed-loop static sweep on overall throughput. */
	public StaticSweep sweep() {
		return sweep(-1);
	}

	/** The closed-loop static sweep on the throughput of phase {@code phase}, or overall when negative. */
	public StaticSweep sweep(int phase) {
		List<StaticSweep.Point> points = new ArrayList<>();
		for (CellResult cell : this.results.cells(LoadMode.closed())) {
			if (cell.contender().kind() == ContenderKind.STATIC) {
				double throughput = (phase < 0) ? cell.overall().throughput() : cell.phase(phase).throughput();
				points.add(new StaticSweep.Point(cell.contender().size(), throughput));
			}
		}
		return new StaticSweep(points);
	}

	/**
	 * The closed-loop static sweep on the throughput of phase {@code phase} once it has settled: from
	 * {@value #SETTLE_SECONDS} s after its start to its end, read from the cells' 100 ms samples. Right
	 * after a shift the tasks of the phase before still finish, and they cost a small pool more than a
	 * large one; the size the new work needs is judged without them. Phases too short to settle use
	 * {@link #sweep(int)}.
	 */
	public StaticSweep steadySweep(int phase) {
		List<StaticSweep.Point> points = new ArrayList<>();
		for (CellResult cell : this.results.cells(LoadMode.closed())) {
			if (cell.contender().kind() == ContenderKind.STATIC) {
				Figures figures = cell.phase(phase);
				double throughput = throughput(cell.timeline(), figures.startSeconds() + SETTLE_SECONDS,
						figures.endSeconds());
				if (Double.isNaN(throughput)) {
					return sweep(phase);
				}
				points.add(new StaticSweep.Point(cell.contender().size(), throughput));
			}
		}
		return new StaticSweep(points);
	}

	/** Tasks per second completed between the first sample at or after {@code from} and the last before {@code to}. */
	static double throughput(List<Sample> samples, double from, double to) {
		Sample first = null;
		Sample last = null;
		for (Sample sample : samples) {
			if (sample.seconds() >= from && sample.seconds() < to) {
				if (first == null) {
					first = sample;
				}
				last = sample;
			}
		}
		if (first == null || last.seconds() <= first.seconds()) {
			return Double.NaN;
		}
		return (last.completed() - first.completed()) / (last.seconds() - first.seconds());
	}

	/** Whether the closed-loop sweep ran. */
	public boolean hasSweep() {
		return this.results.cells(LoadMode.closed())
			.stream()
			.anyMatch((cell) -> cell.contender().kind() == ContenderKind.STATIC);
	}

	public int bestStaticSize() {
		return sweep().best().size();
	}

	public int kneeSize() {
		return sweep().knee().size();
	}

	public int goetzSize() {
		return spec().goetzSize(this.cores, NAIVE_SIZE);
	}

	/**
	 * The static pool of the best size under {@code mode}: in the closed loop its own cell after the
	 * sweep ({@link Contender#repeat}), when there is one, else the sweep's cell.
	 */
	public Optional<CellResult> bestStatic(LoadMode mode) {
		if (!hasSweep()) {
			return Optional.empty();
		}
		int best = bestStaticSize();
		Optional<CellResult> repeated = this.results.cell(mode, Contender.repeat(best).id());
		return repeated.isPresent() ? repeated : this.results.cell(mode, Contender.fixed(best).id());
	}

	/**
	 * The threads an open loop at {@code mode}'s load needs, measured in the same run: the smallest static
	 * size whose p99 there is within {@value #OPEN_KNEE_P99} × the lowest p99 of any static size there;
	 * 0 when no static pool ran under {@code mode}.
	 */
	public int openKnee(LoadMode mode) {
		List<CellResult> statics = this.results.cells(mode)
			.stream()
			.filter((cell) -> cell.contender().kind().isStatic() && Double.isFinite(cell.overall().p99Ms()))
			.toList();
		double best = statics.stream().mapToDouble((cell) -> cell.overall().p99Ms()).min().orElse(Double.NaN);
		return statics.stream()
			.filter((cell) -> cell.overall().p99Ms() <= OPEN_KNEE_P99 * best)
			.mapToInt((cell) -> cell.contender().size())
			.min()
			.orElse(0);
	}

	/** The cell of {@code contender} under {@code mode}. */
	public Optional<CellResult> cell(LoadMode mode, Contender contender) {
		return this.results.cell(mode, contender.id());
	}

	/** {@code X(cell) / X(best static, same mode)}; {@code NaN} without a best static. */
	public double ratioToBestStatic(CellResult cell) {
		return bestStatic(cell.mode()).map((best) -> cell.overall().throughput() / best.overall().throughput())
			.orElse(Double.NaN);
	}

	/** The index of the most CPU-bound phase: the one with the lowest nominal β. */
	public int cpuPhase() {
		int index = 0;
		List<Phase> phases = spec().phases();
		for (int i = 1; i < phases.size(); i++) {
			if (phases.get(i).beta() < phases.get(index).beta()) {
				index = i;
			}
		}
		return index;
	}

	/**
	 * Seconds from the first task until {@code cell}'s pool was within 10 % of the knee it starts on (the
	 * closed-loop sweep's, or the first phase's settled knee for a shifting workload), read from the
	 * samples of the whole cell, warm-up included: every cell starts its executor cold.
	 */
	public double coldStartSeconds(CellResult cell) {
		return Convergence.seconds(cell.timeline(), 0, cell.phase(0).endSeconds(), coldStartKnee());
	}

	/** The knee {@link #coldStartSeconds} aims for. */
	public int coldStartKnee() {
		return spec().isPhaseShift() ? steadySweep(0).knee().size() : kneeSize();
	}

	/**
	 * Seconds after the start of phase {@code phase} until {@code cell}'s pool was within 10 % of that
	 * phase's settled knee ({@link #steadySweep}); for phase 0, from the start of the cell (the initial
	 * ramp).
	 */
	public double convergenceSeconds(CellResult cell, int phase) {
		int target = steadySweep(phase).knee().size();
		double start = (phase == 0) ? 0 : cell.phase(phase).startSeconds();
		return Convergence.seconds(cell.timeline(), start, cell.phase(phase).endSeconds(), target);
	}

	/**
	 * The rows of the table of {@code mode}, in report order: naive, best static, Goetz, Spring
	 * default, virtual threads, betapool SEED, betapool ADAPTIVE — each labelled with its role; a cell
	 * that plays several roles appears once.
	 */
	public List<Row> rows(LoadMode mode) {
		Map<String, Row> rows = new LinkedHashMap<>();
		if (hasSweep()) {
			addStatic(rows, cell(mode, Contender.fixed(NAIVE_SIZE)), "naive");
			Optional<CellResult> best = bestStatic(mode);
			boolean repeated = best.isPresent() && best.get().contender().kind() == ContenderKind.STATIC_REPEAT;
			addStatic(rows, best, repeated ? "best static, measured again" : "best static");
			addStatic(rows, cell(mode, Contender.fixed(goetzSize())), "Goetz");
		}
		for (Contender contender : List.of(Contender.springDefault(), Contender.virtualThreads(),
				Contender.betapool(Policy.SEED), Contender.betapool(Policy.ADAPTIVE))) {
			cell(mode, contender).ifPresent((cell) -> rows.put(contender.id(), new Row(contender.label(), cell)));
		}
		return new ArrayList<>(rows.values());
	}

	private static void addStatic(Map<String, Row> rows, Optional<CellResult> cell, String role) {
		if (cell.isEmpty()) {
			return;
		}
		Contender contender = cell.get().contender();
		Row existing = rows.get(contender.id());
		if (existing != null) {
			String label = existing.label().substring(0, existing.label().length() - 1) + ", " + role + ")";
			rows.put(contender.id(), new Row(label, existing.cell()));
		}
		else {
			rows.put(contender.id(), new Row(contender.label() + " (" + role + ")", cell.get()));
		}
	}

	/**
	 * A row of a report table.
	 * @param label the contender with its role
	 * @param cell its results
	 */
	public record Row(String label, CellResult cell) {

	}

}
