package io.betapool.benchmarks.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.betapool.Policy;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.contender.ContenderKind;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.Overhead;
import io.betapool.benchmarks.result.ScenarioSet;
import io.betapool.benchmarks.workload.Phase;

import static io.betapool.benchmarks.analysis.Format.count;
import static io.betapool.benchmarks.analysis.Format.ms;
import static io.betapool.benchmarks.analysis.Format.percent;
import static io.betapool.benchmarks.analysis.Format.rate;
import static io.betapool.benchmarks.analysis.Format.ratio;
import static io.betapool.benchmarks.analysis.Format.seconds;
import static io.betapool.benchmarks.analysis.Format.threadCount;
import static io.betapool.benchmarks.analysis.Format.threads;

/**
 * Checks every {@link Goal} against the results: betapool with its default policy against the best
 * static pool of the same load mode, the knee of the closed-loop sweep, the machine's cores and the
 * JMH figures. A goal whose figures are missing is {@link Verdict#NOT_MEASURED}; each miss carries
 * its explanation from {@link Limits}.
 */
public final class Goals {

	private static final Contender ADAPTIVE = Contender.betapool(Policy.ADAPTIVE);

	private Goals() {
	}

	/**
	 * Every goal, checked against {@code views} (one per workload) and {@code overheads} (from JMH);
	 * {@code clockReadNanos}, the cost of a clock read on this machine, helps explain overhead.
	 */
	public static List<GoalResult> evaluate(List<WorkloadView> views, List<Overhead> overheads, double clockReadNanos) {
		List<GoalResult> results = new ArrayList<>();
		for (WorkloadView view : views) {
			if (!view.spec().isPhaseShift() && !view.spec().isBursty()) {
				for (LoadMode mode : view.results().modes()) {
					results.add(steady(view, mode));
				}
			}
		}
		for (WorkloadView view : views) {
			if (view.spec().isBursty()) {
				for (LoadMode mode : view.results().modes()) {
					results.add(bursts(view, mode));
				}
			}
		}
		for (WorkloadView view : views) {
			if (view.spec().isPhaseShift()) {
				for (LoadMode mode : view.results().modes()) {
					results.add(phaseShift(view, mode));
				}
			}
		}
		for (WorkloadView view : views) {
			if (!view.spec().isPhaseShift() && !view.spec().isBursty() && view.spec().nominal().beta() == 0
					&& view.spec().nominal().serialMs() == 0) {
				for (LoadMode mode : view.results().modes()) {
					results.add(cpuThreads(view, mode));
				}
			}
		}
		for (WorkloadView view : views) {
			if (view.spec().isPhaseShift()) {
				for (int phase = 1; phase < view.spec().phases().size(); phase++) {
					results.add(convergence(view, phase));
				}
			}
		}
		for (WorkloadView view : views) {
			Phase first = view.spec().nominal();
			if (!view.spec().isBursty() && first.cpuMs() + first.blockMs() <= Goal.COLD_START_TASK_MS) {
				results.add(coldStart(view));
			}
		}
		results.addAll(overhead(overheads, clockReadNanos));
		return results;
	}

	static GoalResult bursts(WorkloadView view, LoadMode mode) {
		String scope = view.spec().id() + ", " + mode.label();
		Optional<CellResult> adaptive = view.cell(mode, ADAPTIVE);
		Optional<CellResult> best = view.bestStatic(mode);
		if (adaptive.isEmpty() || best.isEmpty()) {
			return notMeasured(Goal.BURSTS, scope, "betapool or the best static pool did not run");
		}
		CellResult a = adaptive.get();
		CellResult b = best.get();
		double throughputRatio = a.overall().throughput() / b.overall().throughput();
		double p99Ratio = a.overall().p99Ms() / b.overall().p99Ms();
		boolean pass = throughputRatio >= Goal.BURSTS_THROUGHPUT_RATIO && p99Ratio <= Goal.BURSTS_P99_RATIO;
		String measured = "throughput " + ratio(throughputRatio) + " × static " + b.contender().size() + ", p99 "
				+ ratio(p99Ratio) + " × (" + ms(a.overall().p99Ms()) + " vs " + ms(b.overall().p99Ms()) + " ms), "
				+ threadCount(a.overall().meanThreads()) + " on average, " + threads(a.overall().peakThreads()) + " at most";
		String needed = "≥ " + Goal.BURSTS_THROUGHPUT_RATIO + " ×, ≤ " + Goal.BURSTS_P99_RATIO + " ×";
		return new GoalResult(Goal.BURSTS, scope, measured, needed, pass ? Verdict.PASS : Verdict.MISS,
				pass ? "" : Limits.bursts(view, a, b));
	}

	static GoalResult coldStart(WorkloadView view) {
		String scope = view.spec().id() + ", " + LoadMode.closed().label();
		Optional<CellResult> adaptive = view.cell(LoadMode.closed(), ADAPTIVE);
		if (adaptive.isEmpty() || !view.hasSweep()) {
			return notMeasured(Goal.COLD_START, scope, "betapool or the static sweep did not run");
		}
		CellResult a = adaptive.get();
		int knee = view.coldStartKnee();
		double took = view.coldStartSeconds(a);
		boolean pass = took <= Goal.COLD_START_SECONDS;
		String measured = Double.isNaN(took) ? "not within 10 % of " + knee + " threads before the measurement ended"
				: ms(took * 1000) + " ms to within 10 % of " + knee + " threads";
		return new GoalResult(Goal.COLD_START, scope, measured, "≤ " + ms(Goal.COLD_START_SECONDS * 1000) + " ms",
				pass ? Verdict.PASS : Verdict.MISS, pass ? "" : Limits.coldStart(a, knee, took));
	}

	/**
	 * The scenario goals, checked on every set but the training set ({@link ScenarioSet#isTraining()}):
	 * the goals are judged on work no tuning has seen.
	 */
	public static List<GoalResult> scenarios(List<ScenarioSummary> summaries) {
		List<GoalResult> results = new ArrayList<>();
		for (ScenarioSummary summary : summaries) {
			if (!summary.set().isTraining()) {
				results.addAll(scenarios(summary));
			}
		}
		return results;
	}

	static List<GoalResult> scenarios(ScenarioSummary summary) {
		ScenarioSet set = summary.set();
		String scope = "seed " + set.seed() + ", " + count(summary.views().size(), "scenario", "scenarios");
		Distribution x = summary.throughput();
		Distribution p99 = summary.p99();
		List<GoalResult> results = new ArrayList<>();
		if (x.size() == 0) {
			results.add(notMeasured(Goal.SCENARIO_THROUGHPUT, scope, "betapool or the static pools did not run"));
			results.add(notMeasured(Goal.SCENARIO_P99, scope, "betapool or the static pools did not run"));
		}
		else {
			boolean throughput = x.median() >= Goal.SCENARIO_MEDIAN_THROUGHPUT && x.min() >= Goal.SCENARIO_WORST_THROUGHPUT;
			results.add(new GoalResult(Goal.SCENARIO_THROUGHPUT, scope,
					"median " + ratio(x.median()) + " ×, 10th percentile " + ratio(x.quantile(0.1)) + " ×, worst "
							+ ratio(x.min()) + " ×",
					"median ≥ " + Goal.SCENARIO_MEDIAN_THROUGHPUT + " ×, worst ≥ " + Goal.SCENARIO_WORST_THROUGHPUT + " ×",
					throughput ? Verdict.PASS : Verdict.MISS, throughput ? "" : Limits.scenarios(summary, true)));
			boolean tail = p99.median() <= Goal.SCENARIO_MEDIAN_P99 && p99.quantile(0.9) <= Goal.SCENARIO_P90_P99;
			results.add(new GoalResult(Goal.SCENARIO_P99, scope,
					"median " + ratio(p99.median()) + " ×, 90th percentile " + ratio(p99.quantile(0.9)) + " ×, worst "
							+ ratio(p99.max()) + " ×",
					"median ≤ " + Goal.SCENARIO_MEDIAN_P99 + " ×, 90th percentile ≤ " + Goal.SCENARIO_P90_P99 + " ×",
					tail ? Verdict.PASS : Verdict.MISS, tail ? "" : Limits.scenarios(summary, false)));
		}
		int both = summary.againstVirtualThreads();
		if (both == 0) {
			results.add(notMeasured(Goal.SCENARIO_VIRTUAL_THREADS, scope, "virtual threads did not run (JDK 21+ needed)"));
		}
		else {
			boolean pass = summary.winShare() >= Goal.SCENARIO_VIRTUAL_THREADS_SHARE;
			int wins = summary.winsOverVirtualThreads();
			int losses = summary.lossesToVirtualThreads();
			results.add(new GoalResult(Goal.SCENARIO_VIRTUAL_THREADS, scope,
					count(wins, "win", "wins") + ", " + count(losses, "loss", "losses") + ", " + (both - wins - losses) + " below "
							+ ScenarioSummary.SAME_THROUGHPUT + " × their throughput: " + percent(summary.winShare())
							+ " of " + both,
					"≥ " + percent(Goal.SCENARIO_VIRTUAL_THREADS_SHARE), pass ? Verdict.PASS : Verdict.MISS,
					pass ? "" : Limits.virtualThreads(summary)));
		}
		return results;
	}

	static GoalResult steady(WorkloadView view, LoadMode mode) {
		String scope = view.spec().id() + ", " + mode.label();
		Optional<CellResult> adaptive = view.cell(mode, ADAPTIVE);
		Optional<CellResult> best = view.bestStatic(mode);
		if (adaptive.isEmpty() || best.isEmpty()) {
			return notMeasured(Goal.STEADY, scope, "betapool or the best static pool did not run");
		}
		CellResult a = adaptive.get();
		CellResult b = best.get();
		double throughputRatio = a.overall().throughput() / b.overall().throughput();
		double p99Ratio = a.overall().p99Ms() / b.overall().p99Ms();
		int openKnee = mode.isClosed() ? 0 : view.openKnee(mode);
		int knee = (openKnee > 0) ? openKnee : view.kneeSize();
		double allowed = Goal.KNEE_THREADS_RATIO * knee;
		boolean pass = throughputRatio >= Goal.THROUGHPUT_RATIO && p99Ratio <= Goal.P99_RATIO
				&& a.overall().meanThreads() <= allowed;
		String measured = "throughput " + ratio(throughputRatio) + " ×, p99 " + ratio(p99Ratio) + " × ("
				+ ms(a.overall().p99Ms()) + " vs " + ms(b.overall().p99Ms()) + " ms), "
				+ threadCount(a.overall().meanThreads()) + ((openKnee > 0)
						? " (smallest static within 10 % of the best p99 at this load: " + knee + ")"
						: " (knee " + knee + ")");
		String needed = "≥ " + Goal.THROUGHPUT_RATIO + " ×, ≤ " + Goal.P99_RATIO + " ×, ≤ " + threads(allowed)
				+ " threads";
		return new GoalResult(Goal.STEADY, scope, measured, needed, pass ? Verdict.PASS : Verdict.MISS,
				pass ? "" : Limits.steady(view, a, b, throughputRatio, p99Ratio, knee));
	}

	static GoalResult phaseShift(WorkloadView view, LoadMode mode) {
		String scope = view.spec().id() + ", " + mode.label();
		Optional<CellResult> adaptive = view.cell(mode, ADAPTIVE);
		Optional<CellResult> best = view.bestStatic(mode);
		if (adaptive.isEmpty() || best.isEmpty()) {
			return notMeasured(Goal.PHASE_SHIFT, scope, "betapool or the best static pool did not run");
		}
		CellResult a = adaptive.get();
		CellResult b = best.get();
		int cpu = view.cpuPhase();
		double throughputRatio = a.overall().throughput() / b.overall().throughput();
		double cpuP99 = a.phase(cpu).p99Ms();
		double bestCpuP99 = b.phase(cpu).p99Ms();
		boolean pass = throughputRatio >= Goal.THROUGHPUT_RATIO && cpuP99 < bestCpuP99;
		List<String> dominating = new ArrayList<>();
		for (CellResult cell : view.results().cells(mode)) {
			if (cell.contender().kind() == ContenderKind.STATIC && cell.overall().throughput() > a.overall().throughput()
					&& cell.phase(cpu).p99Ms() < cpuP99) {
				dominating.add(Integer.toString(cell.contender().size()));
			}
		}
		String measured = "throughput " + ratio(throughputRatio) + " × static " + b.contender().size()
				+ "; CPU-phase p99 " + ms(cpuP99) + " vs " + ms(bestCpuP99) + " ms; static sizes better on both: "
				+ (dominating.isEmpty() ? "none" : String.join(", ", dominating));
		String needed = "≥ " + Goal.THROUGHPUT_RATIO + " ×; p99 < " + ms(bestCpuP99) + " ms";
		return new GoalResult(Goal.PHASE_SHIFT, scope, measured, needed, pass ? Verdict.PASS : Verdict.MISS,
				pass ? "" : Limits.phaseShift(view, a, b, throughputRatio, cpu));
	}

	static GoalResult cpuThreads(WorkloadView view, LoadMode mode) {
		String scope = view.spec().id() + ", " + mode.label();
		Optional<CellResult> adaptive = view.cell(mode, ADAPTIVE);
		if (adaptive.isEmpty()) {
			return notMeasured(Goal.CPU_THREADS, scope, "betapool did not run");
		}
		CellResult a = adaptive.get();
		int allowed = view.cores() + 1;
		boolean pass = a.overall().peakThreads() <= allowed;
		String measured = "peak " + threads(a.overall().peakThreads()) + ", mean " + threads(a.overall().meanThreads())
				+ " threads";
		return new GoalResult(Goal.CPU_THREADS, scope, measured, "≤ " + allowed + " threads",
				pass ? Verdict.PASS : Verdict.MISS, pass ? "" : Limits.cpuThreads(view, a));
	}

	static GoalResult convergence(WorkloadView view, int phase) {
		List<Phase> phases = view.spec().phases();
		String scope = view.spec().id() + ", " + phases.get(phase - 1).name() + " → " + phases.get(phase).name()
				+ ", " + LoadMode.closed().label();
		Optional<CellResult> adaptive = view.cell(LoadMode.closed(), ADAPTIVE);
		if (adaptive.isEmpty() || !view.hasSweep()) {
			return notMeasured(Goal.CONVERGENCE, scope, "betapool or the static sweep did not run");
		}
		CellResult a = adaptive.get();
		int target = view.steadySweep(phase).knee().size();
		double took = view.convergenceSeconds(a, phase);
		boolean pass = took <= Goal.CONVERGENCE_SECONDS;
		String measured = Double.isNaN(took) ? "not within 10 % of " + target + " threads during the phase"
				: seconds(took) + " to within 10 % of " + target + " threads";
		return new GoalResult(Goal.CONVERGENCE, scope, measured, "≤ " + seconds(Goal.CONVERGENCE_SECONDS),
				pass ? Verdict.PASS : Verdict.MISS, pass ? "" : Limits.convergence(view, a, phase, target, took));
	}

	static List<GoalResult> overhead(List<Overhead> overheads, double clockReadNanos) {
		List<GoalResult> results = new ArrayList<>();
		for (Overhead overhead : overheads) {
			if (!overhead.task().equals("noop")) {
				continue;
			}
			String scope = "no-op tasks, " + overhead.threads() + (overhead.threads() == 1 ? " thread" : " threads");
			boolean pass = overhead.ratio() >= Goal.OVERHEAD_RATIO;
			String measured = ratio(overhead.ratio()) + " × (" + rate(overhead.betapool()) + " vs "
					+ rate(overhead.threadPoolExecutor()) + " tasks/s)";
			results.add(new GoalResult(Goal.OVERHEAD, scope, measured, "≥ " + Goal.OVERHEAD_RATIO + " ×",
					pass ? Verdict.PASS : Verdict.MISS, pass ? "" : Limits.overhead(overhead, clockReadNanos)));
		}
		if (results.isEmpty()) {
			results.add(notMeasured(Goal.OVERHEAD, "no-op tasks", "no JMH results were found for this run"));
		}
		return results;
	}

	private static GoalResult notMeasured(Goal goal, String scope, String why) {
		return new GoalResult(goal, scope, why, "", Verdict.NOT_MEASURED, "");
	}

}
