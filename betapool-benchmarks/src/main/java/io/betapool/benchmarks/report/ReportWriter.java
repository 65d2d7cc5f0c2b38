package io.betapool.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.betapool.benchmarks.analysis.GoalResult;
import io.betapool.benchmarks.analysis.Goals;
import io.betapool.benchmarks.analysis.ScenarioSummary;
import io.betapool.benchmarks.analysis.WorkloadView;
import io.betapool.benchmarks.result.Overhead;
import io.betapool.benchmarks.result.RunResults;
import io.betapool.benchmarks.result.ScenarioSet;
import io.betapool.benchmarks.result.WorkloadResults;

/**
 * Writes a run's report into a directory:
 * <pre>
 *   benchmarks.md                        the report
 *   benchmarks/results.csv               every figure of every cell
 *   benchmarks/timeline.csv              the shifting workload's samples
 *   benchmarks/workloads.json            the fixed workloads' results and run ({@link WorkloadFiles})
 *   benchmarks/&lt;workload&gt;-sweep.svg      throughput against pool size
 *   benchmarks/&lt;workload&gt;-timeline.svg   the controller timeline of a shifting workload
 *   benchmarks/scenarios-seed-&lt;S&gt;.json   each scenario set the run measured ({@link ScenarioFiles})
 *   benchmarks/scenarios-seed-&lt;S&gt;.csv
 * </pre>
 * and includes {@code benchmarks/jmh.json} when a JMH run left it there, each {@link Section} whose file
 * is there (the two-pool comparison, the HTTP benchmark's rows), and every scenario set whose
 * results are in {@code benchmarks/}, those of earlier runs too: the training set and the test set are
 * measured by separate runs into one directory. A run without fixed workloads reports those of the
 * last run that measured them into the directory, with that run's description.
 */
public final class ReportWriter {

	/** The report's file name. */
	public static final String REPORT = "benchmarks.md";

	/** The directory, relative to the output directory, of the charts, CSV and JSON files. */
	public static final String CHART_DIRECTORY = MarkdownReport.CHART_DIRECTORY;

	/** The JMH results the report includes when present, relative to the output directory. */
	public static final String JMH_RESULTS = MarkdownReport.CHART_DIRECTORY + "/jmh.json";

	private ReportWriter() {
	}

	/** Writes every file and returns the report's path. */
	public static Path write(Path out, RunResults results) throws IOException {
		Path charts = out.resolve(MarkdownReport.CHART_DIRECTORY);
		Files.createDirectories(charts);
		RunResults fixed = results;
		if (results.workloads().isEmpty()) {
			fixed = WorkloadFiles.read(charts).orElse(results);
		}
		else {
			WorkloadFiles.write(charts, results);
		}
		int cores = fixed.info().machine().cores();
		List<WorkloadView> views = new ArrayList<>();
		for (WorkloadResults workload : fixed.workloads()) {
			views.add(new WorkloadView(workload, cores));
		}
		List<Overhead> overheads = JmhResults.read(out.resolve(JMH_RESULTS));
		for (WorkloadView view : views) {
			if (view.hasSweep()) {
				Files.writeString(charts.resolve(WorkloadSection.sweepChartFile(view)), Charts.sweep(view));
			}
			if (view.spec().isPhaseShift()) {
				Files.writeString(charts.resolve(WorkloadSection.timelineChartFile(view)), Charts.timeline(view));
			}
		}
		if (!views.isEmpty()) {
			Files.writeString(charts.resolve("results.csv"), ResultsCsv.results(views).toString());
			Files.writeString(charts.resolve("timeline.csv"), ResultsCsv.timeline(views).toString());
		}
		for (ScenarioSet set : results.scenarioSets()) {
			ScenarioFiles.write(charts, set);
		}
		List<ScenarioSummary> scenarios = ScenarioFiles.readAll(charts).stream().map(ScenarioSummary::of).toList();
		List<GoalResult> goals = new ArrayList<>(views.isEmpty() ? List.of()
				: Goals.evaluate(views, overheads, fixed.info().machine().clockReadNanos()));
		goals.addAll(Goals.scenarios(scenarios));
		String report = new MarkdownReport(fixed.info(), views, goals, overheads, scenarios).render();
		for (Section section : Section.ALL) {
			Path file = out.resolve(section.file());
			if (Files.exists(file)) {
				report = section.into(report, Files.readString(file));
			}
		}
		Path file = out.resolve(REPORT);
		Files.writeString(file, report);
		return file;
	}

}
