package io.betapool.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.betapool.Policy;
import io.betapool.benchmarks.analysis.WorkloadView;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.contender.ContenderKind;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.Figures;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.Sample;
import io.betapool.benchmarks.workload.Phase;

/**
 * The report's charts:
 * <ul>
 * <li>throughput against pool size in the closed loop: the static sweep (per phase for a shifting
 * workload), the physical limit {@code min(cores / c, min(n, N) / (c + b), 1 / s)} of a pool of n
 * threads under N outstanding tasks, and the operating points — mean threads and throughput — of
 * betapool, Spring's default and virtual threads (as a level line: they have no pool size);</li>
 * <li>the controller timeline of a shifting workload in the closed loop: threads, β and throughput
 * (completions per 100 ms sample, averaged over 0.5 s) over time since measuring began, for betapool
 * and the best static pool, the nominal β of each phase for reference.</li>
 * </ul>
 */
final class Charts {

	static final String ADAPTIVE_COLOR = "#d62728";

	static final String SEED_COLOR = "#ff7f0e";

	static final String STATIC_COLOR = "#1f77b4";

	static final String VIRTUAL_COLOR = "#2ca02c";

	static final String SPRING_COLOR = "#9467bd";

	private static final String[] PHASE_COLORS = { "#1f77b4", "#17becf", "#8c564b" };

	private static final int SMOOTHING_SAMPLES = 5;

	private Charts() {
	}

	static String sweep(WorkloadView view) {
		SvgChart chart = new SvgChart(view.spec().title() + ": throughput against pool size (closed loop)",
				"threads (log scale)", "tasks / s", true);
		List<Phase> phases = view.spec().phases();
		List<CellResult> statics = view.results()
			.cells(LoadMode.closed())
			.stream()
			.filter((cell) -> cell.contender().kind() == ContenderKind.STATIC)
			.sorted((a, b) -> Integer.compare(a.contender().size(), b.contender().size()))
			.toList();
		int segments = view.spec().isPhaseShift() ? phases.size() : 1;
		for (int k = 0; k < segments; k++) {
			int phase = k;
			String suffix = view.spec().isPhaseShift() ? " — " + phases.get(k).name() : "";
			String color = PHASE_COLORS[k % PHASE_COLORS.length];
			double[] xs = statics.stream().mapToDouble((cell) -> cell.contender().size()).toArray();
			double[] ys = statics.stream().mapToDouble((cell) -> figures(cell, phase, view).throughput()).toArray();
			chart.line("static pools" + suffix, xs, ys, color, false, true);
			double[] limitXs = new double[257];
			double[] limitYs = new double[257];
			for (int n = 1; n <= 256; n++) {
				limitXs[n] = n;
				limitYs[n] = phases.get(k).limit(view.cores(), Math.min(n, view.spec().outstanding()));
			}
			limitXs[0] = Double.NaN;
			limitYs[0] = Double.NaN;
			chart.line("physical limit" + suffix, limitXs, limitYs, color, true, false);
			operatingPoint(chart, view, Contender.betapool(Policy.ADAPTIVE), phase, "betapool ADAPTIVE" + suffix,
					view.spec().isPhaseShift() ? color : ADAPTIVE_COLOR);
			if (!view.spec().isPhaseShift()) {
				operatingPoint(chart, view, Contender.betapool(Policy.SEED), phase, "betapool SEED", SEED_COLOR);
				operatingPoint(chart, view, Contender.springDefault(), phase, "Spring default", SPRING_COLOR);
				view.cell(LoadMode.closed(), Contender.virtualThreads()).ifPresent((vt) -> chart.line("virtual threads",
						new double[] { 1, 256 }, new double[] { vt.overall().throughput(), vt.overall().throughput() },
						VIRTUAL_COLOR, true, false));
			}
		}
		return chart.render(860, 420);
	}

	private static void operatingPoint(SvgChart chart, WorkloadView view, Contender contender, int phase, String name,
			String color) {
		view.cell(LoadMode.closed(), contender).ifPresent((cell) -> {
			Figures figures = figures(cell, phase, view);
			chart.point(name, figures.meanThreads(), figures.throughput(), color);
		});
	}

	private static Figures figures(CellResult cell, int phase, WorkloadView view) {
		return view.spec().isPhaseShift() ? cell.phase(phase) : cell.overall();
	}

	static String timeline(WorkloadView view) {
		LoadMode closed = LoadMode.closed();
		List<Line> lines = new ArrayList<>();
		addLine(lines, view.cell(closed, Contender.betapool(Policy.ADAPTIVE)), "betapool ADAPTIVE", ADAPTIVE_COLOR);
		addLine(lines, view.cell(closed, Contender.betapool(Policy.SEED)), "betapool SEED", SEED_COLOR);
		if (view.hasSweep()) {
			addLine(lines, view.bestStatic(closed), "best static (" + view.bestStaticSize() + ")", STATIC_COLOR);
		}
		addLine(lines, view.cell(closed, Contender.virtualThreads()), "virtual threads", VIRTUAL_COLOR);
		SvgChart threads = new SvgChart(view.spec().title() + " — threads", "seconds since measuring began",
				"threads", false);
		SvgChart beta = new SvgChart("β as betapool's controller reads it", "seconds since measuring began", "β",
				false);
		SvgChart throughput = new SvgChart("throughput", "seconds since measuring began", "tasks / s", false);
		for (Line line : lines) {
			List<Sample> samples = line.cell.timeline();
			double offset = line.cell.overall().startSeconds();
			double[] xs = samples.stream().mapToDouble((s) -> s.seconds() - offset).toArray();
			threads.line(line.name, xs, samples.stream().mapToDouble(Sample::threads).toArray(), line.color, false,
					false);
			if (line.cell.contender().kind().isBetapool()) {
				beta.line(line.name, xs, samples.stream().mapToDouble(Sample::beta).toArray(), line.color, false, false);
			}
			throughput.line(line.name, xs, smoothedThroughput(samples), line.color, false, false);
		}
		if (!lines.isEmpty()) {
			CellResult reference = lines.get(0).cell;
			double offset = reference.overall().startSeconds();
			List<Double> xs = new ArrayList<>();
			List<Double> ys = new ArrayList<>();
			for (int k = 0; k < view.spec().phases().size(); k++) {
				Figures phase = reference.phase(k);
				double b = view.spec().phases().get(k).beta();
				xs.add(phase.startSeconds() - offset);
				ys.add(b);
				xs.add(phase.endSeconds() - offset);
				ys.add(b);
				for (SvgChart panel : List.of(threads, beta, throughput)) {
					panel.band(phase.startSeconds() - offset, phase.endSeconds() - offset,
							view.spec().phases().get(k).name());
				}
			}
			beta.line("nominal β", xs.stream().mapToDouble(Double::doubleValue).toArray(),
					ys.stream().mapToDouble(Double::doubleValue).toArray(), "#000000", true, false);
		}
		return SvgChart.stack(List.of(threads, beta, throughput), 860, 300);
	}

	static double[] smoothedThroughput(List<Sample> samples) {
		double[] rates = new double[samples.size()];
		for (int i = 0; i < samples.size(); i++) {
			int from = Math.max(0, i - SMOOTHING_SAMPLES);
			double dt = samples.get(i).seconds() - samples.get(from).seconds();
			rates[i] = (dt > 0) ? (samples.get(i).completed() - samples.get(from).completed()) / dt : Double.NaN;
		}
		return rates;
	}

	private static void addLine(List<Line> lines, Optional<CellResult> cell, String name, String color) {
		cell.ifPresent((c) -> lines.add(new Line(name, c, color)));
	}

	private record Line(String name, CellResult cell, String color) {

	}

}
