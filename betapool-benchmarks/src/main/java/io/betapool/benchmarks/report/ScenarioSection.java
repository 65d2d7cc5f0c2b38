package io.betapool.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.betapool.Policy;
import io.betapool.benchmarks.analysis.Distribution;
import io.betapool.benchmarks.analysis.ScenarioSummary;
import io.betapool.benchmarks.analysis.ScenarioView;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.result.ScenarioCell;
import io.betapool.benchmarks.result.ScenarioSet;
import io.betapool.benchmarks.workload.Scenario;

import static io.betapool.benchmarks.analysis.Format.count;
import static io.betapool.benchmarks.analysis.Format.ms;
import static io.betapool.benchmarks.analysis.Format.number;
import static io.betapool.benchmarks.analysis.Format.percent;
import static io.betapool.benchmarks.analysis.Format.rate;
import static io.betapool.benchmarks.analysis.Format.ratio;
import static io.betapool.benchmarks.analysis.Format.threads;

/**
 * The part of the report about the scenario suite: how scenarios are drawn and compared, then per seed
 * set the distribution of betapool ADAPTIVE's ratios to the best static pool, its record against
 * virtual threads, and a table of every scenario.
 */
final class ScenarioSection {

	private final List<ScenarioSummary> summaries;

	private final String chartDirectory;

	ScenarioSection(List<ScenarioSummary> summaries, String chartDirectory) {
		this.summaries = List.copyOf(summaries);
		this.chartDirectory = chartDirectory;
	}

	String render() {
		if (this.summaries.isEmpty()) {
			return "";
		}
		StringBuilder md = new StringBuilder();
		md.append("## Scenarios: random workloads, from a cold start\n\n");
		md.append("Each scenario is drawn from its seed set: 1–3 phases, each with a CPU time per task log-uniform in ")
			.append(number(Scenario.MIN_CPU_MS, 2)).append("–").append(number(Scenario.MAX_CPU_MS, 0))
			.append(" ms, a blocking time uniform in 0–").append(number(Scenario.MAX_BLOCK_MS, 0))
			.append(" ms, a share of the CPU time under one lock shared by every task uniform in 0–")
			.append(percent(Scenario.MAX_LOCK_SHARE))
			.append(", and a service-time shape (fixed, exponential, lognormal σ 1 or bimodal 90/10, each task's times "
					+ "scaled by one draw of mean 1); and one arrival process: a closed loop of ")
			.append(Scenario.MIN_OUTSTANDING).append("–").append(Scenario.MAX_OUTSTANDING)
			.append(" outstanding tasks, Poisson arrivals at ").append(percent(Scenario.MIN_LOAD)).append("–")
			.append(percent(Scenario.MAX_LOAD))
			.append(" of each phase's capacity (its physical limit with 256 threads), or on/off bursts: a closed loop "
					+ "for ")
			.append(number(Scenario.MIN_ON_SECONDS, 1)).append("–").append(number(Scenario.MAX_ON_SECONDS, 0))
			.append(" s, then idle gaps of ").append(number(Scenario.MIN_GAP_SECONDS, 0)).append("–")
			.append(number(Scenario.MAX_GAP_SECONDS, 0))
			.append(" s (for a 10 s scenario; they scale with the scenario's length). The same seed always draws the "
					+ "same scenarios.\n\n");
		md.append("Every contender starts cold and is measured from the moment load starts, with no warm-up for "
				+ "anyone, once per scenario (only the JVM is warmed, before the first scenario, by a short unmeasured "
				+ "run of each kind of executor). The static pools are swept at sizes chosen from the model's knee N* of "
				+ "each phase (the physical limit's, capped by the tasks a closed loop keeps outstanding): the cores, "
				+ "each phase's ⌈N*⌉, under Poisson arrivals each phase's mean busy threads λ·(c + b), and a geometric "
				+ "ladder K·2^(j/2), j = −2…2, around K = the largest ⌈N*⌉; when the best size is at an end of that "
				+ "sweep, up to two more sizes beyond it. The **best static** is, among the static sizes within ")
			.append(percent(1 - ScenarioView.SAME_THROUGHPUT))
			.append(" of the top static throughput, the one with the lowest p99; the **knee** is the smallest size in "
					+ "that band whose p99 is within 10 % of the best's. Ratios are betapool ADAPTIVE's throughput and "
					+ "p99 over the best static's, and its mean threads over the knee. Against virtual threads, betapool "
					+ "wins a scenario when it reaches ≥ ")
			.append(ScenarioSummary.SAME_THROUGHPUT)
			.append(" × their throughput with a lower p99, and loses it when it reaches that throughput without a "
					+ "lower p99. Seed ")
			.append(ScenarioSet.TRAINING_SEED)
			.append(" is the training set, on which the controller's constants may be tuned; every other set is "
					+ "unseen, and the goals are judged on those.\n\n");
		for (ScenarioSummary summary : this.summaries) {
			set(md, summary);
		}
		return md.toString();
	}

	private void set(StringBuilder md, ScenarioSummary summary) {
		ScenarioSet set = summary.set();
		md.append("### ").append(set.isTraining() ? "Training" : (set.seed() == ScenarioSet.TEST_SEED) ? "Test" : "Unseen")
			.append(" set: seed ").append(set.seed()).append(", ").append(count(set.scenarios().size(), "scenario", "scenarios"))
			.append("\n\n");
		if (set.quick()) {
			md.append("> **Smoke run.** Scenarios of ").append(number(set.seconds(), 1))
				.append(" s: the figures show that the suite works, not how the executors compare.\n\n");
		}
		if (!set.baselines().isEmpty()) {
			md.append("> **Tuning rerun.** Only betapool ADAPTIVE ran in this run; every other contender's figures "
					+ "were taken from `").append(set.baselines()).append("`.\n\n");
		}
		md.append("Measured ").append(set.started()).append(" in ").append(number(set.minutes(), 1)).append(" min on ")
			.append(set.cores()).append(" cores, ").append(set.jdk()).append("; scenarios of ")
			.append(number(set.seconds(), 1)).append(" s without bursts. Command: `").append(set.command())
			.append("`. Every figure: [`").append(this.chartDirectory).append('/')
			.append(ScenarioFiles.csvName(set.seed())).append("`](").append(this.chartDirectory)
			.append('/').append(ScenarioFiles.csvName(set.seed())).append(").\n\n");
		Distribution x = summary.throughput();
		Distribution p99 = summary.p99();
		Distribution t = summary.threads();
		MarkdownTable table = new MarkdownTable("betapool ADAPTIVE against the best static", ">median",
				">10th / 90th percentile", ">worst");
		table.row("throughput ratio (higher is better)", ratio(x.median()), ratio(x.quantile(0.1)), ratio(x.min()));
		table.row("p99 ratio (lower is better)", ratio(p99.median()), ratio(p99.quantile(0.9)), ratio(p99.max()));
		table.row("mean threads / knee", ratio(t.median()), ratio(t.quantile(0.9)), ratio(t.max()));
		md.append(table).append('\n');
		int both = summary.againstVirtualThreads();
		if (both == 0) {
			md.append("Virtual threads did not run in this set (they need JDK 21 or later).\n\n");
		}
		else {
			int wins = summary.winsOverVirtualThreads();
			int losses = summary.lossesToVirtualThreads();
			md.append("Against virtual threads on p99, at ≥ ").append(ScenarioSummary.SAME_THROUGHPUT)
				.append(" × their throughput: **").append(count(wins, "win", "wins")).append(", ")
				.append(count(losses, "loss", "losses")).append("**; in ")
				.append(both - wins - losses).append(" of ").append(both)
				.append(" scenarios betapool had less throughput than that. Wins: ")
				.append(percent(summary.winShare())).append(" of the scenarios.\n\n");
		}
		scenarios(md, summary);
	}

	private void scenarios(StringBuilder md, ScenarioSummary summary) {
		MarkdownTable table = new MarkdownTable("scenario", "arrival", "work per phase", ">model knee",
				">best static: size · tasks/s · p99 ms", ">knee", ">ADAPTIVE: × tasks/s · × p99 · threads mean / max",
				">SEED: × tasks/s · × p99", ">virtual threads: × tasks/s · × p99", ">Spring default: × tasks/s · × p99",
				"vs virtual threads");
		for (ScenarioView view : summary.views()) {
			Scenario s = view.scenario();
			Optional<ScenarioCell> best = view.best();
			String adaptive = view.adaptive()
				.map((a) -> ratio(view.throughputRatio(a)) + " · " + ratio(view.p99Ratio(a)) + " · "
						+ threads(a.meanThreads()) + " / " + threads(a.peakThreads()))
				.orElse("—");
			String versus = ScenarioSummary.versus(view).map((v) -> switch (v) {
				case WIN -> "win";
				case LOSS -> "loss";
				case NONE -> "below 0.98 ×";
			}).orElse("—");
			table.row(s.id(), s.arrivalDescription(summary.set().seconds()),
					String.join(" → ", s.phases().stream().map(Scenario.Work::description).toList()),
					threads(Math.ceil(view.modelKnee())),
					best.map((b) -> b.contender().size() + " · " + rate(b.throughput()) + " · " + ms(b.p99Ms())).orElse("—"),
					(view.knee() > 0) ? Integer.toString(view.knee()) : "—", adaptive,
					pair(view, Contender.betapool(Policy.SEED)), pair(view, Contender.virtualThreads()),
					pair(view, Contender.springDefault()), versus);
		}
		md.append(table).append('\n');
	}

	private static String pair(ScenarioView view, Contender contender) {
		return view.cell(contender)
			.map((c) -> ratio(view.throughputRatio(c)) + " · " + ratio(view.p99Ratio(c)))
			.orElse("—");
	}

}
