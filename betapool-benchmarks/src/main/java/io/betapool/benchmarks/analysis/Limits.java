package io.betapool.benchmarks.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.betapool.ControllerConfig;
import io.betapool.ScalingAction;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.DecisionSummary;
import io.betapool.benchmarks.result.Figures;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.Overhead;
import io.betapool.benchmarks.result.Sample;
import io.betapool.benchmarks.result.ScenarioCell;
import io.betapool.control.AdaptiveSettings;
import org.jspecify.annotations.Nullable;

import static io.betapool.benchmarks.analysis.Format.ms;
import static io.betapool.benchmarks.analysis.Format.number;
import static io.betapool.benchmarks.analysis.Format.percent;
import static io.betapool.benchmarks.analysis.Format.rate;
import static io.betapool.benchmarks.analysis.Format.ratio;
import static io.betapool.benchmarks.analysis.Format.seconds;
import static io.betapool.benchmarks.analysis.Format.threadCount;
import static io.betapool.benchmarks.analysis.Format.threads;

/**
 * Explains a missed goal in words built from the figures: how many threads betapool ran against the
 * knee and the best static size, where its latency went, and what its controller said about its
 * latest decisions of each kind.
 */
final class Limits {

	/** Share of the CPU below which a closed loop's best static pool was not limited by the cores. */
	static final double CORES_NOT_THE_LIMIT = 0.75;

	private Limits() {
	}

	static String steady(WorkloadView view, CellResult adaptive, CellResult best, double throughputRatio,
			double p99Ratio, int knee) {
		List<String> parts = new ArrayList<>();
		Figures a = adaptive.overall();
		Figures b = best.overall();
		int bestSize = best.contender().size();
		if (throughputRatio < Goal.THROUGHPUT_RATIO) {
			if (a.meanThreads() < knee) {
				parts.add("Throughput: betapool averaged " + threadCount(a.meanThreads()) + ", below the knee of "
						+ knee + " (the smallest static size within 2 % of the best), so it ran short of the threads "
						+ "the work needs" + controllerSays(adaptive.decisions(), ScalingAction.VETO, ScalingAction.HOLD));
			}
			else {
				parts.add("Throughput: betapool averaged " + threadCount(a.meanThreads()) + ", at or above the knee of "
						+ knee + ", yet completed " + ratio(throughputRatio) + " of static " + bestSize
						+ "'s tasks; the process used " + percentOf(adaptive.cpuPercent()) + " CPU against "
						+ percentOf(best.cpuPercent()) + " for static " + bestSize
						+ ", so per-task cost or the noise between cells is what remains");
			}
		}
		if (p99Ratio > Goal.P99_RATIO) {
			String where = (a.meanThreads() > bestSize)
					? "more runnable threads than static " + bestSize + " shared the cores, which lengthens the tail"
					: "fewer threads than static " + bestSize + ", so tasks waited longer in the queue";
			parts.add("p99: " + ms(a.p99Ms()) + " ms against " + ms(b.p99Ms()) + " ms with " + threadCount(a.meanThreads())
					+ " on average: " + where);
		}
		double allowed = Goal.KNEE_THREADS_RATIO * knee;
		if (a.meanThreads() > allowed) {
			String enough = adaptive.mode().isClosed()
					? "static " + knee + " already completed "
							+ view.sweep().at(knee).map((p) -> rate(p.throughput())).orElse("n/a") + " tasks/s"
					: "static " + knee + " kept its p99 within 10 % of the best static p99 at this load";
			parts.add("Threads: " + threads(a.meanThreads()) + " on average (peak " + threads(a.peakThreads())
					+ ") against " + threads(allowed) + " allowed; " + enough
					+ controllerSays(adaptive.decisions(), ScalingAction.SCALE_UP, ScalingAction.HOLD));
			String why = whyMoreThreads(view, adaptive);
			if (!why.isEmpty()) {
				parts.add(why);
			}
		}
		return String.join(". ", parts) + ".";
	}

	/**
	 * What held betapool above the knee, as far as the figures tell: a closed-loop best static pool that
	 * left a share of the CPU idle (below {@value #CORES_NOT_THE_LIMIT}) shows that something other than
	 * the cores limits the work; an open loop gives no probe a throughput to judge.
	 */
	static String whyMoreThreads(WorkloadView view, CellResult adaptive) {
		List<String> why = new ArrayList<>();
		Optional<CellResult> closedBest = view.bestStatic(LoadMode.closed());
		boolean elsewhere = closedBest.isPresent() && closedBest.get().cpuPercent() < CORES_NOT_THE_LIMIT * 100;
		if (elsewhere) {
			why.add("In the closed loop the best static pool kept only " + percentOf(closedBest.get().cpuPercent())
					+ " of the CPU busy: something other than the cores, such as a lock, limits this work, and β "
					+ "counts the waiting for it as blocking, so the knee β gives lies above the measured one");
		}
		if (!adaptive.mode().isClosed()) {
			why.add((why.isEmpty() ? "Under" : "under") + " open-loop arrivals throughput follows the arrivals, so no "
					+ "probe can show that fewer threads do as well, and with no work waiting the pool keeps "
					+ "⌈busy + " + AdaptiveSettings.of(ControllerConfig.defaults()).spareDeviations() + " · √busy⌉ threads for bursts of arrivals"
					+ (elsewhere ? ", counting the threads that wait for that limit as busy" : ""));
		}
		return String.join("; ", why);
	}

	static String phaseShift(WorkloadView view, CellResult adaptive, CellResult best, double throughputRatio,
			int cpu) {
		List<String> parts = new ArrayList<>();
		int bestSize = best.contender().size();
		List<String> perPhase = new ArrayList<>();
		for (int i = 0; i < view.spec().phases().size(); i++) {
			Figures a = adaptive.phase(i);
			Figures b = best.phase(i);
			perPhase.add(view.spec().phases().get(i).name() + " " + ratio(a.throughput() / b.throughput())
					+ " × with " + threadCount(a.meanThreads()));
		}
		if (throughputRatio < Goal.THROUGHPUT_RATIO) {
			parts.add("Throughput: " + ratio(throughputRatio) + " of static " + bestSize + " overall; per phase "
					+ String.join(", ", perPhase));
		}
		Figures a = adaptive.phase(cpu);
		Figures b = best.phase(cpu);
		if (!(a.p99Ms() < b.p99Ms())) {
			String why = (a.meanThreads() > bestSize)
					? "more threads than static " + bestSize + " time-shared the cores, stretching every task"
					: (a.meanThreads() < bestSize) ? "fewer threads than static " + bestSize
							+ (adaptive.mode().isClosed() ? ", each task running at full speed but waiting longer in the queue"
									: ", so tasks queued behind each other")
							: "the same number of threads as static " + bestSize;
			parts.add("CPU-phase p99: " + ms(a.p99Ms()) + " ms with " + threadCount(a.meanThreads()) + " on average "
					+ "against " + ms(b.p99Ms()) + " ms: " + why
					+ controllerSays(adaptive.decisions(), ScalingAction.VETO, ScalingAction.SCALE_DOWN));
		}
		return String.join(". ", parts) + ".";
	}

	static String cpuThreads(WorkloadView view, CellResult adaptive) {
		Figures a = adaptive.overall();
		return "betapool peaked at " + threadCount(a.peakThreads()) + " (mean " + threads(a.meanThreads()) + ") on "
				+ view.cores() + " cores" + controllerSays(adaptive.decisions(), ScalingAction.SCALE_UP,
						ScalingAction.HOLD) + ".";
	}

	static String convergence(WorkloadView view, CellResult adaptive, int phase, int target, double took) {
		Figures figures = adaptive.phase(phase);
		int atTheGoal = Convergence.threadsAt(adaptive.timeline(),
				figures.startSeconds() + Goal.CONVERGENCE_SECONDS);
		int atEnd = Convergence.threadsAt(adaptive.timeline(), figures.endSeconds());
		ControllerConfig config = ControllerConfig.defaults();
		String reached = Double.isNaN(took) ? "it never came within 10 % of " + target + " threads during the phase"
				: "it took " + seconds(took) + " to come within 10 % of " + target + " threads";
		return "After the shift " + reached + "; it ran " + atTheGoal + " threads "
				+ seconds(Goal.CONVERGENCE_SECONDS) + " in and " + atEnd
				+ " at the end of the phase (β read " + beta(adaptive.timeline(), figures.endSeconds()) + "). "
				+ "The controller decides every " + config.monitorInterval().toMillis() + " ms, a small pool "
				+ "looking at its β every 100 ms in between; the new work starts only once the old phase's queued "
				+ "tasks have run, the first tick that sees it measures a mix of old and new work, and the "
				+ "controller then ticks faster until β settles, so the pool takes its new size one fast tick after "
				+ "that at the earliest, before its new threads start; past the model's knee it grows only by probes "
				+ "that must raise throughput; a resize smaller than a tenth of the pool is not made.";
	}

	static String overhead(Overhead overhead, double clockReadNanos) {
		double tpeNanos = 1e9 / overhead.threadPoolExecutor();
		double extraNanos = 1e9 / overhead.betapool() - tpeNanos;
		String clock = Double.isFinite(clockReadNanos) && clockReadNanos > 0
				? "; a clock read costs " + number(clockReadNanos, 1) + " ns on this machine, so the extra is the price of "
						+ number(extraNanos / clockReadNanos, 1) + " clock reads, against " + number(tpeNanos, 0)
						+ " ns for the whole no-op task on ThreadPoolExecutor"
				: "";
		String noise = "";
		double highest = overhead.betapool() + overhead.betapoolError();
		double lowest = overhead.threadPoolExecutor() - overhead.threadPoolExecutorError();
		if (lowest <= 0 || highest / lowest >= Goal.OVERHEAD_RATIO) {
			noise = " The two figures' error intervals (JMH's 99.9 % intervals, ± "
					+ rate(overhead.betapoolError()) + " and ± " + rate(overhead.threadPoolExecutorError())
					+ " tasks/s) are wide enough to hold a ratio of " + Goal.OVERHEAD_RATIO
					+ " or more, so this run cannot tell whether the goal is missed.";
		}
		return "betapool completed " + ratio(overhead.ratio()) + " of ThreadPoolExecutor's no-op tasks at "
				+ threadCount(overhead.threads()) + ": about " + number(extraNanos, 0)
				+ " ns more per task for its per-task accounting (a random draw deciding whether the task is timed, "
				+ "clock stamps for the timed sample, a per-worker count, and a queue that stamps idle waits)" + clock
				+ "." + noise;
	}

	static String bursts(WorkloadView view, CellResult adaptive, CellResult best) {
		Figures a = adaptive.overall();
		Figures b = best.overall();
		double coldStart = view.coldStartSeconds(adaptive);
		return "betapool ran " + threadCount(a.meanThreads()) + " on average (peak " + threads(a.peakThreads())
				+ ") against static " + best.contender().size() + "; from cold it took "
				+ (Double.isNaN(coldStart) ? "longer than the cell" : seconds(coldStart)) + " to come within 10 % of "
				+ view.coldStartKnee() + " threads; p99 " + ms(a.p99Ms()) + " ms against " + ms(b.p99Ms()) + " ms"
				+ controllerSays(adaptive.decisions(), ScalingAction.SCALE_DOWN, ScalingAction.HOLD) + ".";
	}

	static String coldStart(CellResult adaptive, int knee, double took) {
		List<String> path = new ArrayList<>();
		for (Sample sample : adaptive.timeline()) {
			if (sample.seconds() <= 1.0) {
				path.add(sample.threads() + "");
			}
		}
		return "Threads every 100 ms during the first second: " + String.join(" → ", path) + " (knee " + knee + ")"
				+ (Double.isNaN(took) ? "" : "; within 10 % after " + seconds(took)) + ".";
	}

	/** The most scenarios a scenario miss names. */
	static final int WORST_SCENARIOS = 5;

	/**
	 * The scenarios that pull a throughput ({@code throughput}) or p99 distribution below its goal, worst
	 * first: those beyond the bound on a single scenario (throughput below
	 * {@value Goal#SCENARIO_WORST_THROUGHPUT} ×, p99 above {@value Goal#SCENARIO_P90_P99} ×), or the three
	 * worst when none is, each with how the work arrived and how many threads betapool ran against the
	 * knee and the best static.
	 */
	static String scenarios(ScenarioSummary summary, boolean throughput) {
		List<ScenarioView> views = new ArrayList<>(summary.views().stream()
			.filter((v) -> v.adaptive().isPresent() && v.best().isPresent())
			.toList());
		Comparator<ScenarioView> worstFirst = throughput
				? Comparator.comparingDouble((ScenarioView v) -> v.throughputRatio(v.adaptive().orElseThrow()))
				: Comparator.comparingDouble((ScenarioView v) -> v.p99Ratio(v.adaptive().orElseThrow())).reversed();
		views.sort(worstFirst);
		List<ScenarioView> beyond = views.stream().filter((v) -> throughput
				? v.throughputRatio(v.adaptive().orElseThrow()) < Goal.SCENARIO_WORST_THROUGHPUT
				: v.p99Ratio(v.adaptive().orElseThrow()) > Goal.SCENARIO_P90_P99).toList();
		List<ScenarioView> named = beyond.isEmpty() ? views.subList(0, Math.min(3, views.size()))
				: beyond.subList(0, Math.min(WORST_SCENARIOS, beyond.size()));
		List<String> parts = new ArrayList<>();
		for (ScenarioView view : named) {
			ScenarioCell a = view.adaptive().orElseThrow();
			ScenarioCell b = view.best().orElseThrow();
			parts.add(view.scenario().id() + " (" + view.scenario().arrivalDescription(summary.set().seconds()) + "): "
					+ (throughput ? ratio(view.throughputRatio(a)) + " × the throughput"
							: ratio(view.p99Ratio(a)) + " × the p99 (" + ms(a.p99Ms()) + " vs " + ms(b.p99Ms()) + " ms)")
					+ " of static " + b.contender().size() + ", with " + threads(a.meanThreads()) + " threads on average, "
					+ threads(a.peakThreads()) + " at most (knee " + view.knee() + ")");
		}
		String head = beyond.isEmpty() ? "Worst scenarios: "
				: beyond.size() + ((beyond.size() == 1) ? " scenario" : " scenarios") + " beyond "
						+ (throughput ? Goal.SCENARIO_WORST_THROUGHPUT : Goal.SCENARIO_P90_P99) + " ×"
						+ ((beyond.size() > named.size()) ? ", the worst " + named.size() : "") + ": ";
		return head + String.join("; ", parts) + ". Every scenario's figures are in the scenario table.";
	}

	/** The scenarios betapool lost to virtual threads on p99, or fell below their throughput in. */
	static String virtualThreads(ScenarioSummary summary) {
		List<String> lost = new ArrayList<>();
		List<String> slower = new ArrayList<>();
		for (ScenarioView view : summary.views()) {
			ScenarioSummary.Versus versus = ScenarioSummary.versus(view).orElse(ScenarioSummary.Versus.WIN);
			if (versus == ScenarioSummary.Versus.LOSS) {
				lost.add(view.scenario().id());
			}
			else if (versus == ScenarioSummary.Versus.NONE) {
				slower.add(view.scenario().id());
			}
		}
		return "p99 no lower than virtual threads' in " + (lost.isEmpty() ? "none" : String.join(", ", lost))
				+ "; below " + ScenarioSummary.SAME_THROUGHPUT + " × their throughput in "
				+ (slower.isEmpty() ? "none" : String.join(", ", slower)) + ".";
	}

	private static String controllerSays(@Nullable DecisionSummary decisions, ScalingAction... actions) {
		if (decisions == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		text.append(" (decisions during the measurement: ")
			.append(decisions.count(ScalingAction.SCALE_UP))
			.append(" up, ")
			.append(decisions.count(ScalingAction.SCALE_DOWN))
			.append(" down, ")
			.append(decisions.count(ScalingAction.VETO))
			.append(" vetoed, ")
			.append(decisions.count(ScalingAction.HOLD))
			.append(" held)");
		for (ScalingAction action : actions) {
			String reason = decisions.latestReason(action);
			if (!reason.isEmpty()) {
				text.append("; latest ").append(action.name().toLowerCase(Locale.ROOT).replace('_', ' '))
					.append(": “")
					.append(stripPeriod(reason))
					.append("”");
				break;
			}
		}
		return text.toString();
	}

	private static String beta(List<Sample> timeline, double before) {
		double beta = Double.NaN;
		for (Sample sample : timeline) {
			if (sample.seconds() < before && !Double.isNaN(sample.beta())) {
				beta = sample.beta();
			}
		}
		return number(beta, 2);
	}

	private static String percentOf(double cpuPercent) {
		return percent(cpuPercent / 100);
	}

	private static String stripPeriod(String reason) {
		return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
	}

}
