package io.betapool.benchmarks.harness;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.betapool.Policy;
import io.betapool.benchmarks.analysis.StaticSweep;
import io.betapool.benchmarks.analysis.WorkloadView;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.contender.VirtualThreads;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.WorkloadResults;
import io.betapool.benchmarks.workload.Bursts;
import io.betapool.benchmarks.workload.WorkloadSpec;
import org.jspecify.annotations.Nullable;

/**
 * Runs every cell of one workload, in an order where each step uses what the earlier ones found:
 * <ol>
 * <li>closed loop, static sizes of the sweep (the naive {@value WorkloadView#NAIVE_SIZE} always among
 * them);</li>
 * <li>closed loop, sizes between half the knee and the knee, to locate it more precisely (per phase for
 * a shifting workload);</li>
 * <li>closed loop, the Goetz size if not yet measured, the best size of the sweep again in a cell of its
 * own (the sweep's best is the highest of many noisy cells, so its figure there is biased upwards),
 * Spring's default, virtual threads (when the JDK has them), betapool SEED and betapool ADAPTIVE;</li>
 * <li>for each open-loop load: arrivals at {@code load ×} the best static pool's closed-loop throughput
 * (as measured again; per phase for a shifting workload, from the sweep; during the bursts of a bursty
 * workload, whose closed-loop throughput counts its idle gaps too), through the naive, best and
 * Goetz static sizes, the open-loop ladder of a steady workload when refining ({@link #openLadder}),
 * and the other contenders.</li>
 * </ol>
 * After the cells of each load mode, the two contenders the goals compare — the best static size and
 * betapool ADAPTIVE — run further rounds, alternately, so that the comparison rests on each one's median
 * round rather than on one cell of a noisy machine ({@link WorkloadResults#cells(LoadMode)}).
 */
public final class Campaign {

	private final CellRunner runner;

	private final List<Integer> sizes;

	private final boolean refine;

	private final List<Double> loads;

	private final int rounds;

	private final int cores;

	private final PrintStream progress;

	private final int expectedCells;

	private int cellNumber;

	/**
	 * @param sizes the static sizes of the sweep
	 * @param refine whether to measure sizes between half the knee and the knee, and the open-loop ladder
	 * @param loads the open-loop loads, as fractions of capacity
	 * @param rounds how many rounds the best static size and betapool ADAPTIVE run under each load mode
	 * @param workloads how many workloads the run has, for the progress count
	 * @param keepAlive the betapool contenders' keep-alive; {@code null} for the library's default
	 */
	public Campaign(Durations durations, List<Integer> sizes, boolean refine, List<Double> loads, int rounds,
			int cores, long seed, PrintStream progress, int workloads, @Nullable Duration keepAlive) {
		this.runner = new CellRunner(durations, cores, seed, keepAlive);
		Set<Integer> sweep = new TreeSet<>(sizes);
		sweep.add(WorkloadView.NAIVE_SIZE);
		this.sizes = List.copyOf(sweep);
		this.refine = refine;
		this.loads = List.copyOf(loads);
		this.rounds = rounds;
		this.cores = cores;
		this.progress = progress;
		int dynamic = VirtualThreads.available() ? 4 : 3;
		int extraRounds = 2 * (rounds - 1);
		this.expectedCells = workloads * (this.sizes.size() + (refine ? 3 : 0) + 2 + dynamic + extraRounds
				+ this.loads.size() * (3 + (refine ? 2 : 0) + dynamic + extraRounds));
	}

	/** About how many cells the run has: the sweep refinement and duplicate sizes make it vary. */
	public int expectedCells() {
		return this.expectedCells;
	}

	/** Runs every cell of {@code spec}. */
	public WorkloadResults run(WorkloadSpec spec) throws InterruptedException {
		Map<String, CellResult> cells = new LinkedHashMap<>();
		LoadMode closed = LoadMode.closed();
		for (int size : this.sizes) {
			run(cells, spec, Contender.fixed(size), closed, new double[0]);
		}
		if (this.refine) {
			Set<Integer> refinements = new TreeSet<>();
			WorkloadView view = view(spec, cells);
			Set<Integer> measured = new TreeSet<>(this.sizes);
			for (int phase = -1; phase < (spec.isPhaseShift() ? spec.phases().size() : 0); phase++) {
				StaticSweep sweep = (phase < 0) ? view.sweep() : view.steadySweep(phase);
				refinements.addAll(StaticSweep.refinements(sweep.knee().size(), measured));
			}
			for (int size : refinements) {
				run(cells, spec, Contender.fixed(size), closed, new double[0]);
			}
		}
		WorkloadView view = view(spec, cells);
		int goetz = view.goetzSize();
		run(cells, spec, Contender.fixed(goetz), closed, new double[0]);
		int best = view(spec, cells).bestStaticSize();
		run(cells, spec, Contender.repeat(best), closed, new double[0]);
		for (Contender contender : dynamicContenders()) {
			run(cells, spec, contender, closed, new double[0]);
		}
		runRounds(cells, spec, Contender.repeat(best), closed, new double[0]);
		view = view(spec, cells);
		double[] capacity = new double[spec.phases().size()];
		for (int phase = 0; phase < capacity.length; phase++) {
			capacity[phase] = spec.isPhaseShift() ? view.sweep(phase).best().throughput()
					: view.bestStatic(closed).orElseThrow().overall().throughput();
			Bursts bursts = spec.bursts();
			if (bursts != null) {
				capacity[phase] /= bursts.activeShare();
			}
		}
		int knee = view.kneeSize();
		for (double load : this.loads) {
			LoadMode mode = LoadMode.open(load);
			double[] rates = new double[capacity.length];
			for (int phase = 0; phase < rates.length; phase++) {
				rates[phase] = Math.max(1, load * capacity[phase]);
			}
			Set<Integer> sizes = new TreeSet<>(List.of(WorkloadView.NAIVE_SIZE, best, goetz));
			if (this.refine && !spec.isPhaseShift() && !spec.isBursty()) {
				sizes.addAll(openLadder(load, knee, best));
			}
			for (int size : sizes) {
				run(cells, spec, Contender.fixed(size), mode, rates);
			}
			for (Contender contender : dynamicContenders()) {
				run(cells, spec, contender, mode, rates);
			}
			runRounds(cells, spec, Contender.fixed(best), mode, rates);
		}
		return new WorkloadResults(spec, new ArrayList<>(cells.values()));
	}

	/**
	 * The static sizes an open loop at {@code load} also measures, so that the smallest size whose p99 is
	 * within 10 % of the best at that load is found ({@link WorkloadView#openKnee}): the mean busy threads
	 * there are about {@code load × knee}, so {@code ⌈load · knee · 2^(j/2)⌉} for j = 0, 1, 2, those
	 * below the best size.
	 */
	static List<Integer> openLadder(double load, int knee, int best) {
		Set<Integer> sizes = new TreeSet<>();
		for (int j = 0; j <= 2; j++) {
			int size = (int) Math.max(1, Math.ceil(load * knee * Math.pow(2, j / 2.0)));
			if (size < best) {
				sizes.add(size);
			}
		}
		return List.copyOf(sizes);
	}

	private List<Contender> dynamicContenders() {
		List<Contender> contenders = new ArrayList<>();
		contenders.add(Contender.springDefault());
		if (VirtualThreads.available()) {
			contenders.add(Contender.virtualThreads());
		}
		contenders.add(Contender.betapool(Policy.SEED));
		contenders.add(Contender.betapool(Policy.ADAPTIVE));
		return contenders;
	}

	private WorkloadView view(WorkloadSpec spec, Map<String, CellResult> cells) {
		return new WorkloadView(new WorkloadResults(spec, new ArrayList<>(cells.values())), this.cores);
	}

	/** Rounds 2 and later of the best static pool and betapool ADAPTIVE, alternately. */
	private void runRounds(Map<String, CellResult> cells, WorkloadSpec spec, Contender bestStatic, LoadMode mode,
			double[] rates) throws InterruptedException {
		for (int round = 2; round <= this.rounds; round++) {
			run(cells, spec, bestStatic, mode, rates, round);
			run(cells, spec, Contender.betapool(Policy.ADAPTIVE), mode, rates, round);
		}
	}

	private void run(Map<String, CellResult> cells, WorkloadSpec spec, Contender contender, LoadMode mode,
			double[] rates) throws InterruptedException {
		run(cells, spec, contender, mode, rates, 1);
	}

	private void run(Map<String, CellResult> cells, WorkloadSpec spec, Contender contender, LoadMode mode,
			double[] rates, int round) throws InterruptedException {
		String key = mode.id() + "/" + contender.id() + "#" + round;
		if (cells.containsKey(key)) {
			return;
		}
		this.cellNumber++;
		CellResult cell = this.runner.run(spec, contender, mode, rates, round);
		cells.put(key, cell);
		String label = contender.label() + ((round > 1) ? " #" + round : "");
		this.progress.printf(Locale.ROOT, "[%3d/~%d] %-11s %-8s %-46s %9.0f tasks/s  p99 %9.1f ms  threads %5.1f%s%n",
				this.cellNumber, Math.max(this.cellNumber, this.expectedCells), spec.id(), mode.id(), label,
				cell.overall().throughput(), cell.overall().p99Ms(), cell.overall().meanThreads(),
				contender.kind().isStatic() ? "" : " (mean)");
	}

}
