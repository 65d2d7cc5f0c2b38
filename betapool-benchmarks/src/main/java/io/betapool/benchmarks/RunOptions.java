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
import io.betapool.benchmarks.workload.Workloads;

/**
 * The harness's command line; {@link #USAGE} lists the options.
 *
 * @param out the output directory
 * @param quick whether this is the smoke run
 * @param workloads the workload ids to run; empty for all
 * @param sizes the static sizes of the sweep
 * @param loads the open-loop loads
 * @param refine whether to refine the knee
 * @param rounds how many times betapool ADAPTIVE and the best static pool are measured under each load
 *     mode, alternately; the comparisons use each one's median round
 * @param durations the cell durations
 * @param seed the arrival schedules' seed
 */
public record RunOptions(Path out, boolean quick, List<String> workloads, List<Integer> sizes, List<Double> loads,
		boolean refine, int rounds, Durations durations, long seed) {

	/** What {@code --help} prints, and what follows an argument the harness cannot understand. */
	public static final String USAGE = """
			usage: java -jar %s [options]
			  --out DIR              where to write benchmarks.md and benchmarks/
			                         (default: docs; with --quick: target/benchmarks-quick)
			  --quick                the smoke run: short cells, a coarse sweep, one open-loop load, no refinement
			  --workloads a,b        only these workloads (default: all):
			                         %s
			  --sizes 1,2,4          the static sizes of the sweep (256 is always added; default 1,2,4,…,256)
			  --loads 0.5,0.7,0.9    the open-loop loads as fractions of capacity (empty: closed loop only)
			  --warmup 5s            time before measuring, for executors that size themselves
			  --static-warmup 2s     time before measuring, for fixed-size pools
			  --measure 10s          measured time of a steady workload
			  --phase 8s             measured time of each phase of the phase-shifting stream
			  --drain 1s             how long an open loop waits after its last arrival for measured tasks
			  --pause 250ms          quiet time between cells
			  --no-refine            do not refine the knee between powers of two
			  --rounds 3             rounds of betapool ADAPTIVE and of the best static pool per load mode
			                         (--quick: 1); the comparisons use each one's median round
			  --seed 42              seed of the arrival schedules
			  --help                 print this and exit
			""".formatted(Commands.JAR, String.join(", ", Workloads.ids()));

	/** The sweep of the full run: 1, 2, 4, …, 256. */
	public static final List<Integer> FULL_SIZES = List.of(1, 2, 4, 8, 16, 32, 64, 128, 256);

	/** The sweep of the smoke run. */
	public static final List<Integer> QUICK_SIZES = List.of(1, 8, 64, 256);

	/** The open-loop loads of the full run. */
	public static final List<Double> FULL_LOADS = List.of(0.5, 0.7, 0.9);

	/** Rounds of the compared contenders in the full run: the median of three outvotes one noisy cell. */
	public static final int FULL_ROUNDS = 3;

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
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--quick" -> {
				}
				case "--no-refine" -> refine = false;
				case "--out" -> out = Path.of(value(args, ++i, arg));
				case "--workloads" -> workloads = split(value(args, ++i, arg));
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
		return new RunOptions(out, quick, workloads, sizes, loads, refine, rounds, d, seed);
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

	private static double load(String option, String text) {
		double value = number(option, text, Double::parseDouble);
		if (!(value > 0 && value <= 1)) {
			throw new IllegalArgumentException(option + " values must be in (0, 1], but got " + value);
		}
		return value;
	}

}
