package io.betapool.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import io.betapool.benchmarks.harness.Durations;
import io.betapool.benchmarks.report.Commands;
import io.betapool.benchmarks.result.ScenarioSet;
import io.betapool.benchmarks.workload.Workloads;
import org.jspecify.annotations.Nullable;

/**
 * The harness's command line; {@link #USAGE} lists the options.
 *
 * @param out the output directory
 * @param quick whether this is the smoke run
 * @param workloads the fixed workload ids to run; empty for all
 * @param sizes the static sizes of the sweep
 * @param loads the open-loop loads
 * @param refine whether to refine the knee
 * @param rounds how many times betapool ADAPTIVE and the best static pool are measured under each load
 *     mode, alternately; the comparisons use each one's median round
 * @param durations the cell durations
 * @param seed the arrival schedules' seed, and the scenario set's
 * @param fixedWorkloads whether the fixed workloads run
 * @param scenarios how many scenarios of the set {@code seed} run; 0 for none
 * @param scenarioTime the measured length of a scenario without bursts
 * @param reuseBaselines an earlier run's scenario results whose cells of every contender but betapool
 *     ADAPTIVE are reused; {@code null} to run every contender
 * @param keepAlive the keep-alive of the betapool contenders; {@code null} for the library's default
 */
public record RunOptions(Path out, boolean quick, List<String> workloads, List<Integer> sizes, List<Double> loads,
		boolean refine, int rounds, Durations durations, long seed, boolean fixedWorkloads, int scenarios,
		Duration scenarioTime, @Nullable Path reuseBaselines, @Nullable Duration keepAlive) {

	/** Scenarios of the training set in the documented tuning run. */
	public static final int TRAINING_SCENARIOS = 12;

	/** Scenarios of the test set in the published run. */
	public static final int TEST_SCENARIOS = 30;

	/** The measured length of a scenario without bursts in a full run. */
	public static final Duration SCENARIO_TIME = Duration.ofSeconds(10);

	/** The measured length of a scenario without bursts in the smoke run. */
	public static final Duration QUICK_SCENARIO_TIME = Duration.ofSeconds(1);

	/** Scenarios of the smoke run. */
	public static final int QUICK_SCENARIOS = 1;

	/** What {@code --help} prints, and what follows an argument the harness cannot understand. */
	public static final String USAGE = """
			usage: java -jar %1$s [options]
			  --out DIR              where to write benchmarks.md and benchmarks/
			                         (default: docs; with --quick: target/benchmarks-quick)
			  --quick                the smoke run: short cells, a coarse sweep, one open-loop load, no
			                         refinement, and %8$d scenario of the training set with 1 s cells
			  --workloads a,b        only these fixed workloads (default: all; "all" names them all):
			                         %2$s
			  --sizes 1,2,4          the static sizes of the sweep (256 is always added; default 1,2,4,…,256)
			  --loads 0.5,0.7,0.9    the open-loop loads as fractions of capacity (empty: closed loop only)
			  --warmup 5s            time before measuring, for executors that size themselves
			  --static-warmup 2s     time before measuring, for fixed-size pools
			  --measure 10s          measured time of a steady workload
			  --phase 8s             measured time of each phase of the phase-shifting stream
			  --drain 1s             how long an open loop waits after its last arrival for measured tasks
			  --pause 250ms          quiet time between cells
			  --no-refine            do not refine the knee between powers of two, nor measure the open loops'
			                         static sizes below the best (which find the open-loop threads goal's size)
			  --rounds 3             rounds of betapool ADAPTIVE and of the best static pool per load mode
			                         (--quick: 1); the comparisons use each one's median round
			  --seed 42              seed of the arrival schedules; with --scenarios, the scenario seed set
			  --scenarios N          run the first N scenarios of the seed set --seed: random workloads on
			                         which every contender starts cold, with no warm-up. Alone it runs no
			                         fixed workload; add --workloads all (or a list) to run both
			  --scenario-time 10s    measured length of a scenario without bursts (--quick: 1s); on/off
			                         timelines, drawn for 10s, scale with it
			  --reuse-baselines FILE tuning aid: take every contender's cells but betapool ADAPTIVE's from
			                         FILE, the benchmarks/scenarios-seed-S.json an earlier run of the same
			                         seed set wrote, and run betapool ADAPTIVE alone, with that run's
			                         calibration and scenario time; the report marks the set as such
			  --keep-alive 60s       tuning aid: how long the betapool contenders keep spare threads idle
			                         before they retire (default: the library's default)
			  --help                 print this and exit

			Scenario seed sets: seed %3$d is the training set, for tuning (--scenarios %4$d --seed %3$d);
			seed %5$d is the test set the goals are judged on, which no tuning may look at
			(--scenarios %6$d --seed %5$d); any other seed is an unseen set too. Scenario i of a seed is the
			same whatever N, so a shorter run is a prefix of a longer one. Each set's results go to
			benchmarks/scenarios-seed-S.json and .csv under --out, and the report includes every set
			found there, so the published report is written by
			  java -jar %1$s --out docs --scenarios %4$d --seed %3$d
			  java -jar %1$s --out docs --workloads all --scenarios %6$d --seed %5$d
			and a tuning loop on the training set by
			  java -jar %1$s --out target/training --scenarios %4$d --seed %3$d      (once)
			  java -jar %1$s --out target/tuning --scenarios %4$d --seed %3$d \\
			      --reuse-baselines target/training/benchmarks/scenarios-seed-%3$d.json  (after each change)
			""".formatted(Commands.JAR, String.join(", ", Workloads.ids()), ScenarioSet.TRAINING_SEED, TRAINING_SCENARIOS,
			ScenarioSet.TEST_SEED, TEST_SCENARIOS, QUICK_SCENARIOS, QUICK_SCENARIOS);

	/** The sweep of the full run: 1, 2, 4, …, 256. */
	public static final List<Integer> FULL_SIZES = List.of(1, 2, 4, 8, 16, 32, 64, 128, 256);

	/** The sweep of the smoke run. */
	public static final List<Integer> QUICK_SIZES = List.of(1, 8, 64, 256);

	/** The open-loop loads of the full run. */
	public static final List<Double> FULL_LOADS = List.of(0.5, 0.7, 0.9);

	/** Rounds of the compared contenders in the full run: the median of three outvotes one noisy cell. */
	public static final int FULL_ROUNDS = 3;

	/** The value of {@code --workloads} that names every fixed workload. */
	public static final String ALL = "all";

	/** The open-loop load of the smoke run. */
	public static final List<Double> QUICK_LOADS = List.of(0.7);

	public RunOptions {
		Objects.requireNonNull(out, "out");
		workloads = workloads.stream().distinct().toList();
		List<String> known = Workloads.ids();
		List<String> unknown = workloads.stream().filter((id) -> !known.contains(id)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException(
					"--workloads: unknown " + String.join(", ", unknown) + "; known: " + String.join(", ", known));
		}
		sizes = List.copyOf(sizes);
		loads = List.copyOf(loads);
		Objects.requireNonNull(durations, "durations");
		if (rounds < 1) {
			throw new IllegalArgumentException("--rounds must be at least 1, but was " + rounds);
		}
		if (scenarios < 0) {
			throw new IllegalArgumentException("--scenarios must be >= 0, but was " + scenarios);
		}
		Objects.requireNonNull(scenarioTime, "scenarioTime");
		if (scenarioTime.isNegative() || scenarioTime.isZero()) {
			throw new IllegalArgumentException("--scenario-time must be positive, but was " + scenarioTime);
		}
		if (reuseBaselines != null && scenarios == 0) {
			throw new IllegalArgumentException("--reuse-baselines needs --scenarios: it reuses a scenario set's cells");
		}
		if (!fixedWorkloads && scenarios == 0) {
			throw new IllegalArgumentException("nothing to run: no fixed workload and no scenario");
		}
	}

	/**
	 * The options {@code args} give.
	 * @throws IllegalArgumentException naming the first argument that cannot be understood
	 */
	public static RunOptions parse(String... args) {
		boolean quick = List.of(args).contains("--quick");
		Path out = Path.of(quick ? "target/benchmarks-quick" : "docs");
		List<String> workloads = List.of();
		List<Integer> sizes = quick ? QUICK_SIZES : FULL_SIZES;
		List<Double> loads = quick ? QUICK_LOADS : FULL_LOADS;
		boolean refine = !quick;
		int rounds = quick ? 1 : FULL_ROUNDS;
		Durations d = quick ? Durations.quick() : Durations.full();
		long seed = 42;
		boolean workloadsGiven = false;
		int scenarios = -1;
		Duration scenarioTime = quick ? QUICK_SCENARIO_TIME : SCENARIO_TIME;
		Path reuse = null;
		Duration keepAlive = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--quick" -> {
				}
				case "--no-refine" -> refine = false;
				case "--out" -> out = Path.of(value(args, ++i, arg));
				case "--workloads" -> {
					workloads = split(value(args, ++i, arg));
					workloadsGiven = true;
					if (workloads.equals(List.of(ALL))) {
						workloads = List.of();
					}
				}
				case "--scenarios" -> scenarios = notNegative(arg, value(args, ++i, arg));
				case "--scenario-time" -> scenarioTime = duration(args, ++i, arg);
				case "--reuse-baselines" -> reuse = Path.of(value(args, ++i, arg));
				case "--keep-alive" -> keepAlive = duration(args, ++i, arg);
				case "--sizes" -> sizes = split(value(args, ++i, arg)).stream().map((s) -> positive(arg, s)).toList();
				case "--loads" -> loads = split(value(args, ++i, arg)).stream().map((s) -> load(arg, s)).toList();
				case "--warmup" -> d = new Durations(duration(args, ++i, arg), d.staticWarmup(), d.measure(), d.phase(),
						d.drain(), d.pause());
				case "--static-warmup" -> d = new Durations(d.warmup(), duration(args, ++i, arg), d.measure(), d.phase(),
						d.drain(), d.pause());
				case "--measure" -> d = new Durations(d.warmup(), d.staticWarmup(), duration(args, ++i, arg), d.phase(),
						d.drain(), d.pause());
				case "--phase" -> d = new Durations(d.warmup(), d.staticWarmup(), d.measure(), duration(args, ++i, arg),
						d.drain(), d.pause());
				case "--drain" -> d = new Durations(d.warmup(), d.staticWarmup(), d.measure(), d.phase(),
						duration(args, ++i, arg), d.pause());
				case "--pause" -> d = new Durations(d.warmup(), d.staticWarmup(), d.measure(), d.phase(), d.drain(),
						duration(args, ++i, arg));
				case "--rounds" -> rounds = positive(arg, value(args, ++i, arg));
				case "--seed" -> seed = number(arg, value(args, ++i, arg), Long::parseLong);
				default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
			}
		}
		boolean fixed = workloadsGiven || scenarios <= 0;
		if (scenarios < 0) {
			scenarios = quick ? QUICK_SCENARIOS : 0;
			if (quick && !List.of(args).contains("--seed")) {
				seed = ScenarioSet.TRAINING_SEED;
			}
		}
		return new RunOptions(out, quick, workloads, sizes, loads, refine, rounds, d, seed, fixed, scenarios,
				scenarioTime, reuse, keepAlive);
	}

	/** Whether {@code args} ask for the usage rather than a run. */
	public static boolean wantsHelp(String... args) {
		List<String> given = List.of(args);
		return given.contains("--help") || given.contains("-h");
	}

	/** A duration such as {@code 5s}, {@code 250ms} or {@code 1.5s}. */
	static Duration duration(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		try {
			if (t.endsWith("ms")) {
				return Duration.ofNanos(Math.round(Double.parseDouble(t.substring(0, t.length() - 2)) * 1e6));
			}
			if (t.endsWith("s")) {
				return Duration.ofNanos(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1e9));
			}
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a duration: '" + text + "' (use 5s or 250ms)", ex);
		}
		throw new IllegalArgumentException("not a duration: '" + text + "' (use 5s or 250ms)");
	}

	private static Duration duration(String[] args, int index, String option) {
		Duration duration = duration(value(args, index, option));
		if (duration.isNegative()) {
			throw new IllegalArgumentException(option + " must not be negative");
		}
		return duration;
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	private static <T> T number(String option, String text, Function<String, T> parser) {
		try {
			return parser.apply(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " takes numbers, but got '" + text + "'", ex);
		}
	}

	private static List<String> split(String text) {
		List<String> parts = new ArrayList<>();
		for (String part : text.split(",")) {
			if (!part.isBlank()) {
				parts.add(part.trim());
			}
		}
		return parts;
	}

	private static int positive(String option, String text) {
		int value = number(option, text, Integer::parseInt);
		if (value < 1) {
			throw new IllegalArgumentException(option + " values must be >= 1, but got " + value);
		}
		return value;
	}

	private static int notNegative(String option, String text) {
		int value = number(option, text, Integer::parseInt);
		if (value < 0) {
			throw new IllegalArgumentException(option + " must be >= 0, but got " + value);
		}
		return value;
	}

	private static double load(String option, String text) {
		double value = number(option, text, Double::parseDouble);
		if (!(value > 0 && value <= 1)) {
			throw new IllegalArgumentException(option + " values must be in (0, 1], but got " + value);
		}
		return value;
	}

}
