package io.betapool.benchmarks.analysis;

import java.util.Locale;

/**
 * The goals the numbers are held to. They are reported, never asserted: a miss is a finding.
 */
public enum Goal {

	/**
	 * Every steady workload: betapool's throughput ≥ {@value #THROUGHPUT_RATIO} × the best static's,
	 * its p99 ≤ {@value #P99_RATIO} × the best static's, and its mean threads ≤
	 * {@value #KNEE_THREADS_RATIO} × the knee's.
	 */
	STEADY,

	/**
	 * The phase-shifting workload: betapool's overall throughput ≥ {@value #THROUGHPUT_RATIO} × the best
	 * static's, and its CPU-phase p99 below that pool's.
	 */
	PHASE_SHIFT,

	/**
	 * Bursts after idle, measured from cold: betapool's throughput ≥ {@value #BURSTS_THROUGHPUT_RATIO} ×
	 * the best static's, its p99 ≤ {@value #BURSTS_P99_RATIO} × the best static's.
	 */
	BURSTS,

	/** Pure CPU work: betapool's peak threads ≤ cores + 1. */
	CPU_THREADS,

	/** After a phase shift: within 10 % of the new phase's knee in ≤ {@value #CONVERGENCE_SECONDS} s. */
	CONVERGENCE,

	/**
	 * From a cold start, closed loop: within 10 % of the knee ≤ {@value #COLD_START_SECONDS} s after the
	 * first task, for tasks of ≤ {@value #COLD_START_TASK_MS} ms (nominal c + b).
	 */
	COLD_START,

	/** Per-task overhead: no-op throughput ≥ {@value #OVERHEAD_RATIO} × {@code ThreadPoolExecutor}'s at equal threads. */
	OVERHEAD,

	/**
	 * Scenarios of an unseen seed set: the median of betapool's throughput ratios to the best static ≥
	 * {@value #SCENARIO_MEDIAN_THROUGHPUT}, the worst ≥ {@value #SCENARIO_WORST_THROUGHPUT}.
	 */
	SCENARIO_THROUGHPUT,

	/**
	 * Scenarios of an unseen seed set: the median of betapool's p99 ratios to the best static ≤
	 * {@value #SCENARIO_MEDIAN_P99}, the 90th percentile ≤ {@value #SCENARIO_P90_P99}.
	 */
	SCENARIO_P99,

	/**
	 * Scenarios of an unseen seed set: a lower p99 than virtual threads at ≥ 0.98 × their throughput in
	 * at least {@value #SCENARIO_VIRTUAL_THREADS_SHARE} of the scenarios.
	 */
	SCENARIO_VIRTUAL_THREADS;

	/** Throughput betapool must reach on bursts after idle, as a share of the best static pool's. */
	public static final double BURSTS_THROUGHPUT_RATIO = 0.95;

	/** Largest p99 allowed on bursts after idle, as a multiple of the best static pool's. */
	public static final double BURSTS_P99_RATIO = 1.5;

	/** Longest time allowed from the first task to within 10 % of the knee. */
	public static final double COLD_START_SECONDS = 0.2;

	/** The longest nominal task, c + b in ms, the cold-start goal applies to. */
	public static final double COLD_START_TASK_MS = 20;

	/** Median throughput ratio to the best static the scenarios must reach. */
	public static final double SCENARIO_MEDIAN_THROUGHPUT = 0.99;

	/** Lowest throughput ratio to the best static allowed in any scenario. */
	public static final double SCENARIO_WORST_THROUGHPUT = 0.95;

	/** Largest median p99 ratio to the best static allowed. */
	public static final double SCENARIO_MEDIAN_P99 = 1.1;

	/** Largest 90th percentile of the p99 ratios to the best static allowed. */
	public static final double SCENARIO_P90_P99 = 1.5;

	/** Share of scenarios in which betapool must beat virtual threads on p99 at ≥ 0.98 × their throughput. */
	public static final double SCENARIO_VIRTUAL_THREADS_SHARE = 0.7;

	/** Throughput betapool must reach, as a share of the best static pool's. */
	public static final double THROUGHPUT_RATIO = 0.98;

	/** Largest p99 allowed, as a multiple of the best static pool's. */
	public static final double P99_RATIO = 1.1;

	/** Most threads allowed, as a multiple of the knee's. */
	public static final double KNEE_THREADS_RATIO = 1.25;

	/** Longest time allowed to approach the new size after a phase shift. */
	public static final double CONVERGENCE_SECONDS = 0.5;

	/** No-op throughput betapool must reach, as a share of {@code ThreadPoolExecutor}'s. */
	public static final double OVERHEAD_RATIO = 0.9;

	/** The goal in one line, with its thresholds. */
	public String title() {
		return switch (this) {
			case STEADY -> String.format(Locale.ROOT,
					"Steady workloads: throughput ≥ %s × best static, p99 ≤ %s × best static, mean threads ≤ %s × knee "
							+ "(open loops: × the smallest static size whose p99 at that load is within 10 %% of the best there)",
					THROUGHPUT_RATIO, P99_RATIO, KNEE_THREADS_RATIO);
			case BURSTS -> String.format(Locale.ROOT,
					"Bursts after idle, from cold: throughput ≥ %s × best static, p99 ≤ %s × best static",
					BURSTS_THROUGHPUT_RATIO, BURSTS_P99_RATIO);
			case COLD_START -> String.format(Locale.ROOT,
					"Cold start, closed loop: within 10 %% of the knee ≤ %.0f ms after the first task, for tasks of ≤ %.0f ms",
					COLD_START_SECONDS * 1000, COLD_START_TASK_MS);
			case PHASE_SHIFT -> String.format(Locale.ROOT,
					"Phase shift: overall throughput ≥ %s × best static, CPU-phase p99 below the best static's",
					THROUGHPUT_RATIO);
			case CPU_THREADS -> "Pure CPU work: at most cores + 1 threads";
			case CONVERGENCE -> String.format(Locale.ROOT,
					"After a phase shift: within 10 %% of the new phase's knee in ≤ %s s", CONVERGENCE_SECONDS);
			case OVERHEAD -> String.format(Locale.ROOT,
					"Per-task overhead: no-op throughput ≥ %s × ThreadPoolExecutor's at equal threads", OVERHEAD_RATIO);
			case SCENARIO_THROUGHPUT -> String.format(Locale.ROOT,
					"Unseen scenarios, from cold: throughput ratio to the best static — median ≥ %s, worst ≥ %s",
					SCENARIO_MEDIAN_THROUGHPUT, SCENARIO_WORST_THROUGHPUT);
			case SCENARIO_P99 -> String.format(Locale.ROOT,
					"Unseen scenarios, from cold: p99 ratio to the best static — median ≤ %s, 90th percentile ≤ %s",
					SCENARIO_MEDIAN_P99, SCENARIO_P90_P99);
			case SCENARIO_VIRTUAL_THREADS -> String.format(Locale.ROOT,
					"Unseen scenarios, from cold: better p99 than virtual threads at ≥ %s × their throughput in ≥ %.0f %% of scenarios",
					ScenarioSummary.SAME_THROUGHPUT, SCENARIO_VIRTUAL_THREADS_SHARE * 100);
		};
	}

}
