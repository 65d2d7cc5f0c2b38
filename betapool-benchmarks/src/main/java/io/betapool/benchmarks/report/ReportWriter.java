package io.betapool.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.betapool.benchmarks.analysis.Goals;
import io.betapool.benchmarks.analysis.WorkloadView;
import io.betapool.benchmarks.result.Overhead;
import io.betapool.benchmarks.result.RunResults;
import io.betapool.benchmarks.result.WorkloadResults;

/**
 * Writes a run's report into a directory:
 * <pre>
 *   benchmarks.md                        the report
 *   benchmarks/results.csv               every figure of every cell
 *   benchmarks/timeline.csv              the shifting workload's samples
 *   benchmarks/&lt;workload&gt;-sweep.svg      throughput against pool size
 *   benchmarks/&lt;workload&gt;-timeline.svg   the controller timeline of a shifting workload
 * </pre>
 * and includes {@code benchmarks/jmh.json} when a JMH run left it there.
 */
public final class ReportWriter {

	/** The report's file name. */
	public static final String REPORT = "benchmarks.md";

	/** The JMH results the report includes when present, relative to the output directory. */
	public static final String JMH_RESULTS = MarkdownReport.CHART_DIRECTORY + "/jmh.json";

	private ReportWriter() {
	}

	/** Writes every file and returns the report's path. */
	public static Path write(Path out, RunResults results) throws IOException {
		Path charts = out.resolve(MarkdownReport.CHART_DIRECTORY);
		Files.createDirectories(charts);
		int cores = results.info().machine().cores();
		List<WorkloadView> views = new ArrayList<>();
		for (WorkloadResults workload : results.workloads()) {
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
		Files.writeString(charts.resolve("results.csv"), ResultsCsv.results(views).toString());
		Files.writeString(charts.resolve("timeline.csv"), ResultsCsv.timeline(views).toString());
		String report = new MarkdownReport(results.info(), views,
				Goals.evaluate(views, overheads, results.info().machine().clockReadNanos()), overheads).render();
		Path file = out.resolve(REPORT);
		Files.writeString(file, report);
		return file;
	}

}
