package io.betapool.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

import io.betapool.ScalingAction;
import io.betapool.benchmarks.analysis.WorkloadView;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.DecisionSummary;
import io.betapool.benchmarks.result.Figures;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.Sample;

import static io.betapool.benchmarks.report.Csv.number;

/**
 * The CSV files of a run: {@code results.csv} with one row per cell and measured stretch (the whole
 * measurement, then each phase of a shifting workload; {@code convergence_s} is filled for betapool's
 * phases in the closed loop), and {@code timeline.csv} with the 100 ms samples of the shifting
 * workload's closed-loop cells other than the static sweep's, plus its best static pool.
 */
final class ResultsCsv {

	static final List<String> RESULTS_HEADER = List.of("workload", "mode", "load", "offered_per_s", "contender", "kind",
			"size", "round", "segment", "start_s", "seconds", "completed", "throughput_per_s", "p50_ms", "p99_ms", "p999_ms",
			"max_ms", "latency_samples", "unfinished", "peak_threads", "mean_threads", "rss_baseline_mb", "rss_peak_mb",
			"cpu_percent", "physical_limit_per_s", "limit_fraction", "best_static_ratio", "convergence_s", "scale_ups",
			"scale_downs", "holds", "vetoes", "failures");

	static final List<String> TIMELINE_HEADER = List.of("workload", "mode", "contender", "seconds_since_measuring",
			"threads", "completed", "throughput_per_s", "beta", "target", "rss_mb");

	private ResultsCsv() {
	}

	static Csv results(List<WorkloadView> views) {
		Csv csv = new Csv(RESULTS_HEADER);
		for (WorkloadView view : views) {
			for (CellResult cell : view.results().cells()) {
				csv.row(row(view, cell, cell.overall(), -1));
				for (int phase = 0; phase < cell.phases().size(); phase++) {
					csv.row(row(view, cell, cell.phases().get(phase), phase));
				}
			}
		}
		return csv;
	}

	private static List<String> row(WorkloadView view, CellResult cell, Figures figures, int phase) {
		double offered = Double.NaN;
		if (!cell.offeredRates().isEmpty()) {
			offered = (phase >= 0) ? cell.offeredRates().get(phase)
					: (cell.offeredRates().size() == 1) ? cell.offeredRates().get(0) : Double.NaN;
		}
		double bestRatio = view.bestStatic(cell.mode())
			.map((best) -> figures.throughput() / ((phase >= 0) ? best.phase(phase) : best.overall()).throughput())
			.orElse(Double.NaN);
		double convergence = (phase >= 0 && cell.mode().isClosed() && view.hasSweep()
				&& cell.contender().kind().isBetapool()) ? view.convergenceSeconds(cell, phase) : Double.NaN;
		DecisionSummary decisions = cell.decisions();
		List<String> fields = new ArrayList<>(List.of(cell.workload(), cell.mode().id(), number(cell.mode().load()),
				number(offered), cell.contender().id(), cell.contender().kind().name(),
				(cell.contender().size() > 0) ? Integer.toString(cell.contender().size()) : "",
				Integer.toString(cell.round()), figures.segment(),
				number(figures.startSeconds()), number(figures.seconds()), Long.toString(figures.completed()),
				number(figures.throughput()), number(figures.p50Ms()), number(figures.p99Ms()), number(figures.p999Ms()),
				number(figures.maxMs()), Long.toString(figures.latencySamples()), Long.toString(figures.unfinished()),
				number(figures.peakThreads()), number(figures.meanThreads()), number(cell.rssBaselineMb()),
				number(cell.rssPeakMb()), number(cell.cpuPercent()), number(figures.limit()),
				number(figures.limitFraction()), number(bestRatio), number(convergence)));
		for (ScalingAction action : List.of(ScalingAction.SCALE_UP, ScalingAction.SCALE_DOWN, ScalingAction.HOLD,
				ScalingAction.VETO)) {
			fields.add((decisions != null) ? Long.toString(decisions.count(action)) : "");
		}
		fields.add(Long.toString(cell.failures()));
		return fields;
	}

	static Csv timeline(List<WorkloadView> views) {
		Csv csv = new Csv(TIMELINE_HEADER);
		for (WorkloadView view : views) {
			if (!view.spec().isPhaseShift()) {
				continue;
			}
			String best = view.bestStatic(LoadMode.closed()).map((cell) -> cell.contender().id()).orElse("");
			for (CellResult cell : view.results().cells(LoadMode.closed())) {
				if (cell.contender().kind().isStatic() && !cell.contender().id().equals(best)) {
					continue;
				}
				double offset = cell.overall().startSeconds();
				List<Sample> samples = cell.timeline();
				double[] rates = Charts.smoothedThroughput(samples);
				for (int i = 0; i < samples.size(); i++) {
					Sample s = samples.get(i);
					csv.row(List.of(cell.workload(), cell.mode().id(), cell.contender().id(), number(s.seconds() - offset),
							Integer.toString(s.threads()), Long.toString(s.completed()), number(rates[i]),
							number(s.beta()), (s.target() >= 0) ? Integer.toString(s.target()) : "", number(s.rssMb())));
				}
			}
		}
		return csv;
	}

}
