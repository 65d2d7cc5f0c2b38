package io.betapool.benchmarks.harness;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import io.betapool.Policy;
import io.betapool.benchmarks.analysis.ScenarioView;
import io.betapool.benchmarks.analysis.StaticLadder;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.contender.ContenderKind;
import io.betapool.benchmarks.contender.VirtualThreads;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.ScenarioCell;
import io.betapool.benchmarks.result.ScenarioResult;
import io.betapool.benchmarks.workload.Arrival;
import io.betapool.benchmarks.workload.Calibration;
import io.betapool.benchmarks.workload.Scenario;
import io.betapool.benchmarks.workload.WorkloadSpec;
import org.jspecify.annotations.Nullable;

/**
 * Runs the cells of the scenario suite. Every contender starts cold and is measured from the moment
 * load starts, with no warm-up for anyone, once per scenario:
 * <ol>
 * <li>static pools at the sizes of the {@link StaticLadder}, then at most two more when the best of
 * them lies at an end of the ladder;</li>
 * <li>Spring's default, virtual threads (when the JDK has them), betapool SEED and betapool ADAPTIVE.</li>
 * </ol>
 * A scenario without bursts is measured for {@code seconds}, split evenly over its phases; one with
 * bursts for its scaled on/off timeline. Poisson arrivals are seeded per scenario, so every contender
 * sees the same arrivals.
 *
 * <p>As a tuning aid, the cells of every contender but betapool ADAPTIVE can be taken from an earlier
 * run of the same set ({@code baselines}), so that only betapool runs again.
 */
public final class ScenarioCampaign {

	private final Calibration calibration;

	private final int cores;

	private final double seconds;

	private final Durations durations;

	private final PrintStream progress;

	private final @Nullable List<ScenarioResult> baselines;

	private final @Nullable Duration keepAlive;

	private int cellNumber;

	/**
	 * @param seconds the measured length of a scenario without bursts
	 * @param durations the drain and pause of every cell (their warm-ups and lengths are not used)
	 * @param baselines an earlier run's results of the same set, whose cells of every contender but
	 *     betapool ADAPTIVE are reused; {@code null} to run every contender
	 * @param keepAlive the betapool contenders' keep-alive; {@code null} for the library's default
	 */
	public ScenarioCampaign(Calibration calibration, int cores, double seconds, Durations durations,
			PrintStream progress, @Nullable List<ScenarioResult> baselines, @Nullable Duration keepAlive) {
		this.calibration = calibration;
		this.cores = cores;
		this.seconds = seconds;
		this.durations = durations;
		this.progress = progress;
		this.baselines = (baselines != null) ? List.copyOf(baselines) : null;
		this.keepAlive = keepAlive;
	}

	/** The durations of a scenario's cells: no warm-up, {@code seconds} measured in all. */
	static Durations durations(Durations base, double seconds, int phases) {
		Duration measure = Duration.ofNanos(Math.round(seconds * 1e9));
		return new Durations(Duration.ZERO, Duration.ZERO, measure, measure.dividedBy(phases), base.drain(),
				base.pause());
	}

	/** How long each contender runs in {@link #warmJvm}, in seconds. */
	public static final double JVM_WARMUP_SECONDS = 0.5;

	/**
	 * Runs {@code scenario} briefly ({@value #JVM_WARMUP_SECONDS} s) through one static pool and each
	 * contender that will run, and discards what it measures, so that the just-in-time compiler has seen
	 * the harness's and every executor's code before the first measured cell. Each measured cell still
	 * starts a new, cold executor.
	 */
	public void warmJvm(Scenario scenario) throws InterruptedException {
		WorkloadSpec spec = scenario.toSpec(this.calibration, JVM_WARMUP_SECONDS);
		CellRunner runner = new CellRunner(durations(this.durations, JVM_WARMUP_SECONDS, spec.phases().size()),
				this.cores, scenario.seed(), this.keepAlive);
		boolean poisson = scenario.arrival() == Arrival.POISSON;
		LoadMode mode = poisson ? LoadMode.open(scenario.phases().get(0).load()) : LoadMode.closed();
		double[] rates = poisson ? scenario.rates(this.cores) : new double[0];
		List<Contender> contenders = new ArrayList<>();
		if (this.baselines == null) {
			contenders.add(Contender.fixed(this.cores));
			contenders.add(Contender.springDefault());
			if (VirtualThreads.available()) {
				contenders.add(Contender.virtualThreads());
			}
			contenders.add(Contender.betapool(Policy.SEED));
		}
		contenders.add(Contender.betapool(Policy.ADAPTIVE));
		for (Contender contender : contenders) {
			runner.run(spec, contender, mode, rates, 1);
		}
	}

	/** Runs every cell of {@code scenario}. */
	public ScenarioResult run(Scenario scenario) throws InterruptedException {
		WorkloadSpec spec = scenario.toSpec(this.calibration, this.seconds);
		CellRunner runner = new CellRunner(durations(this.durations, this.seconds, spec.phases().size()), this.cores,
				scenario.seed() * 1_000_003L + scenario.index(), this.keepAlive);
		boolean poisson = scenario.arrival() == Arrival.POISSON;
		LoadMode mode = poisson ? LoadMode.open(scenario.phases().get(0).load()) : LoadMode.closed();
		double[] rates = poisson ? scenario.rates(this.cores) : new double[0];
		List<ScenarioCell> cells = new ArrayList<>();
		Optional<ScenarioResult> baseline = baseline(scenario);
		if (baseline.isPresent()) {
			for (ScenarioCell cell : baseline.get().cells()) {
				if (cell.contender().kind() != ContenderKind.BETAPOOL_ADAPTIVE) {
					cells.add(cell);
				}
			}
		}
		else {
			List<Integer> tried = new ArrayList<>();
			for (int size : ladder(scenario, rates)) {
				cells.add(run(spec, runner, Contender.fixed(size), mode, rates));
				tried.add(size);
			}
			for (int extra = 0; extra < 2; extra++) {
				ScenarioView view = new ScenarioView(scenario, new ScenarioResult(scenario.index(), scenario.id(), cells),
						this.cores);
				int best = view.best().map((cell) -> cell.contender().size()).orElse(tried.get(tried.size() - 1));
				OptionalInt next = StaticLadder.extension(best, tried, scenario.concurrencyCap());
				if (next.isEmpty()) {
					break;
				}
				cells.add(run(spec, runner, Contender.fixed(next.getAsInt()), mode, rates));
				tried.add(next.getAsInt());
			}
			cells.add(run(spec, runner, Contender.springDefault(), mode, rates));
			if (VirtualThreads.available()) {
				cells.add(run(spec, runner, Contender.virtualThreads(), mode, rates));
			}
			cells.add(run(spec, runner, Contender.betapool(Policy.SEED), mode, rates));
		}
		cells.add(run(spec, runner, Contender.betapool(Policy.ADAPTIVE), mode, rates));
		return new ScenarioResult(scenario.index(), scenario.id(), cells);
	}

	/** Seconds of overhead per cell measured on 2 cores: the pause, a garbage collection, starting and stopping a pool. */
	private static final double CELL_OVERHEAD_SECONDS = 0.9;

	/**
	 * About how many minutes {@code scenarios} take: per scenario, its ladder, one extension and the
	 * dynamic contenders (betapool ADAPTIVE alone when reusing baselines), each for its timeline plus
	 * {@value #CELL_OVERHEAD_SECONDS} s.
	 */
	public double estimateMinutes(List<Scenario> scenarios) {
		double seconds = 0;
		for (Scenario scenario : scenarios) {
			WorkloadSpec spec = scenario.toSpec(this.calibration, this.seconds);
			double length = (spec.bursts() != null) ? spec.bursts().total().toNanos() / 1e9 : this.seconds;
			boolean poisson = scenario.arrival() == Arrival.POISSON;
			int cells = (this.baselines != null) ? 1
					: ladder(scenario, poisson ? scenario.rates(this.cores) : new double[0]).size() + 1
							+ (VirtualThreads.available() ? 4 : 3);
			seconds += cells * (length + CELL_OVERHEAD_SECONDS);
		}
		return seconds / 60;
	}

	/** The static sizes of {@code scenario}'s sweep ({@link StaticLadder}). */
	List<Integer> ladder(Scenario scenario, double[] rates) {
		List<Double> knees = new ArrayList<>();
		List<Double> busy = new ArrayList<>();
		for (int i = 0; i < scenario.phases().size(); i++) {
			Scenario.Work work = scenario.phases().get(i);
			knees.add(work.knee(this.cores));
			if (rates.length > 0) {
				busy.add(rates[i] * (work.cpuMs() + work.blockMs()) / 1000);
			}
		}
		return StaticLadder.sizes(this.cores, knees, busy, scenario.concurrencyCap());
	}

	private Optional<ScenarioResult> baseline(Scenario scenario) {
		if (this.baselines == null) {
			return Optional.empty();
		}
		return Optional.of(this.baselines.stream()
			.filter((result) -> result.index() == scenario.index())
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("--reuse-baselines: the file has no results for scenario "
					+ scenario.id() + "; run it without --reuse-baselines first")));
	}

	private ScenarioCell run(WorkloadSpec spec, CellRunner runner, Contender contender, LoadMode mode, double[] rates)
			throws InterruptedException {
		this.cellNumber++;
		ScenarioCell cell = ScenarioCell.of(runner.run(spec, contender, mode, rates, 1));
		this.progress.printf(Locale.ROOT, "[%4d] %-9s %-46s %9.0f tasks/s  p99 %9.1f ms  threads %5.1f mean, %4.0f max%n",
				this.cellNumber, spec.id(), contender.label(), cell.throughput(), cell.p99Ms(), cell.meanThreads(),
				cell.peakThreads());
		return cell;
	}

}
