package io.betapool.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

import io.betapool.Policy;
import io.betapool.benchmarks.analysis.StaticSweep;
import io.betapool.benchmarks.analysis.WorkloadView;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.Figures;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.workload.Bursts;
import io.betapool.benchmarks.workload.Phase;

import static io.betapool.benchmarks.analysis.Format.mb;
import static io.betapool.benchmarks.analysis.Format.ms;
import static io.betapool.benchmarks.analysis.Format.number;
import static io.betapool.benchmarks.analysis.Format.percent;
import static io.betapool.benchmarks.analysis.Format.rate;
import static io.betapool.benchmarks.analysis.Format.ratio;
import static io.betapool.benchmarks.analysis.Format.seconds;
import static io.betapool.benchmarks.analysis.Format.threads;

/**
 * The part of the report about one workload: what its tasks do and the limits that follow, the static
 * sweep, the charts, and a table per load mode in the seed's shape — one row per contender.
 */
final class WorkloadSection {

	private final WorkloadView view;

	private final String chartDirectory;

	WorkloadSection(WorkloadView view, String chartDirectory) {
		this.view = view;
		this.chartDirectory = chartDirectory;
	}

	static String sweepChartFile(WorkloadView view) {
		return view.spec().id() + "-sweep.svg";
	}

	static String timelineChartFile(WorkloadView view) {
		return view.spec().id() + "-timeline.svg";
	}

	String render() {
		StringBuilder md = new StringBuilder();
		md.append("## ").append(this.view.spec().title()).append(" (`").append(this.view.spec().id()).append("`)\n\n");
		describe(md);
		if (this.view.hasSweep()) {
			sweep(md);
			md.append("![").append(this.view.spec().title()).append(": throughput against pool size](")
				.append(this.chartDirectory).append('/').append(sweepChartFile(this.view)).append(")\n\n");
		}
		if (this.view.spec().isPhaseShift()) {
			md.append("![").append(this.view.spec().title()).append(": controller timeline](")
				.append(this.chartDirectory).append('/').append(timelineChartFile(this.view)).append(")\n\n");
		}
		for (LoadMode mode : this.view.results().modes()) {
			table(md, mode);
			if (this.view.spec().isPhaseShift()) {
				phases(md, mode);
			}
		}
		return md.toString();
	}

	private void describe(StringBuilder md) {
		int cores = this.view.cores();
		int outstanding = this.view.spec().outstanding();
		for (Phase phase : this.view.spec().phases()) {
			md.append("- ").append(this.view.spec().isPhaseShift() ? "**" + phase.name() + "** — " : "")
				.append(phase.description())
				.append(": c = ")
				.append(number(phase.cpuMs(), 2))
				.append(" ms, b = ")
				.append(number(phase.blockMs(), 2))
				.append(" ms")
				.append((phase.serialMs() > 0) ? ", s = " + number(phase.serialMs(), 2) + " ms under one shared lock" : "")
				.append(", β = ")
				.append(number(phase.beta(), 3))
				.append("; physical limit with ")
				.append(outstanding)
				.append(" outstanding on ")
				.append(cores)
				.append(" cores ")
				.append(rate(phase.limit(cores, outstanding)))
				.append(" tasks/s, reached from ")
				.append(threads(Math.ceil(phase.knee(cores))))
				.append(" threads.\n");
		}
		Bursts bursts = this.view.spec().bursts();
		if (bursts != null) {
			md.append("- Offered in ").append(bursts.count()).append(" bursts of ").append(seconds(bursts.on().toMillis() / 1e3))
				.append(", with idle gaps of ")
				.append(String.join(", ", bursts.gaps().stream().map((g) -> seconds(g.toMillis() / 1e3)).toList()))
				.append(" in which nothing is submitted; every contender is measured from a cold start over the whole "
						+ "timeline, with no warm-up.\n");
		}
		md.append("- Goetz size from the ").append(this.view.spec().isPhaseShift() ? "first phase's " : "")
			.append("nominal β: ")
			.append(this.view.goetzSize())
			.append(" threads.\n");
		coldStart(md);
		md.append('\n');
	}

	/** How long betapool ADAPTIVE took from cold to its knee in the closed loop. */
	private void coldStart(StringBuilder md) {
		if (!this.view.hasSweep()) {
			return;
		}
		this.view.cell(LoadMode.closed(), Contender.betapool(Policy.ADAPTIVE)).ifPresent((cell) -> {
			double took = this.view.coldStartSeconds(cell);
			md.append("- Cold start, closed loop: betapool ADAPTIVE came within 10 % of ")
				.append(this.view.coldStartKnee())
				.append(" threads (the knee) ")
				.append(Double.isNaN(took) ? "not before the end of the cell" : seconds(took) + " after the first task")
				.append(" (from 100 ms samples).\n");
		});
	}

	private void sweep(StringBuilder md) {
		StaticSweep sweep = this.view.sweep();
		List<String> points = new ArrayList<>();
		for (StaticSweep.Point point : sweep.points()) {
			points.add(point.size() + " → " + rate(point.throughput()));
		}
		md.append("Static sweep, closed loop (threads → tasks/s): ").append(String.join(" · ", points))
			.append(". Best static: **")
			.append(sweep.best().size())
			.append("** threads; knee (smallest size within ")
			.append(percent(1 - StaticSweep.KNEE_FRACTION))
			.append(" of the best): **")
			.append(sweep.knee().size())
			.append("** threads.");
		if (this.view.spec().isPhaseShift()) {
			List<String> knees = new ArrayList<>();
			for (int k = 0; k < this.view.spec().phases().size(); k++) {
				StaticSweep phase = this.view.steadySweep(k);
				knees.add(this.view.spec().phases().get(k).name() + ": best " + phase.best().size() + ", knee "
						+ phase.knee().size());
			}
			md.append(" Per phase, from ").append(number(WorkloadView.SETTLE_SECONDS, 0))
				.append(" s after its start (once the tasks of the phase before have finished) — ")
				.append(String.join("; ", knees)).append('.');
		}
		md.append("\n\n");
	}

	private void table(StringBuilder md, LoadMode mode) {
		md.append("### ").append(capitalised(mode.label()));
		if (mode.isClosed()) {
			md.append(" (").append(this.view.spec().outstanding()).append(" tasks outstanding)");
		}
		else {
			List<CellResult> cells = this.view.results().cells(mode);
			if (!cells.isEmpty()) {
				List<String> rates = new ArrayList<>();
				for (double r : cells.get(0).offeredRates()) {
					rates.add(rate(r));
				}
				md.append(" (λ = ").append(String.join(" → ", rates)).append(" tasks/s)");
			}
		}
		md.append("\n\n");
		MarkdownTable table = mode.isClosed()
				? new MarkdownTable("contender", ">tasks/s", ">p50 ms", ">p99 ms", ">threads peak / mean",
						">RSS peak MB (growth)", ">CPU", ">of limit", ">× best static")
				: new MarkdownTable("contender", ">tasks/s", ">p50 ms", ">p99 ms", ">unfinished",
						">threads peak / mean", ">RSS peak MB (growth)", ">CPU", ">of limit", ">× best static");
		for (WorkloadView.Row row : this.view.rows(mode)) {
			Figures f = row.cell().overall();
			List<String> cells = new ArrayList<>(List.of(label(row), rate(f.throughput()), ms(f.p50Ms()), ms(f.p99Ms())));
			if (!mode.isClosed()) {
				cells.add(Long.toString(f.unfinished()));
			}
			cells.addAll(List.of(threads(f.peakThreads()) + " / " + threads(f.meanThreads()),
					mb(row.cell().rssPeakMb()) + " (" + signed(row.cell().rssGrowthMb()) + ")",
					percent(row.cell().cpuPercent() / 100), percent(f.limitFraction()),
					ratio(this.view.ratioToBestStatic(row.cell()))));
			table.row(cells.toArray(String[]::new));
		}
		md.append(table).append('\n');
		rounds(md, mode);
	}

	/** The figure each round of a contender measured several times had, in the order they ran. */
	private void rounds(StringBuilder md, LoadMode mode) {
		List<String> parts = new ArrayList<>();
		for (WorkloadView.Row row : this.view.rows(mode)) {
			List<CellResult> rounds = this.view.results().rounds(mode, row.cell().contender().id());
			if (rounds.size() > 1) {
				List<String> figures = new ArrayList<>();
				for (CellResult round : rounds) {
					figures.add(mode.isClosed() ? rate(round.overall().throughput()) : ms(round.overall().p99Ms()));
				}
				parts.add(row.cell().contender().label() + " " + String.join(" · ", figures)
						+ (mode.isClosed() ? " tasks/s" : " ms"));
			}
		}
		if (!parts.isEmpty()) {
			md.append("Rounds, in the order they ran (the table shows each one's median")
				.append(mode.isClosed() ? " throughput" : " p99")
				.append("): ")
				.append(String.join("; ", parts))
				.append(".\n\n");
		}
	}

	private void phases(StringBuilder md, LoadMode mode) {
		List<Phase> phases = this.view.spec().phases();
		List<String> columns = new ArrayList<>(List.of("contender"));
		for (Phase phase : phases) {
			columns.add(">" + phase.name() + ": tasks/s · p99 ms · mean threads");
		}
		boolean convergence = mode.isClosed() && this.view.hasSweep();
		if (convergence) {
			for (int k = 1; k < phases.size(); k++) {
				columns.add(">→ " + phases.get(k).name() + ": s to within 10 % of " + this.view.steadySweep(k).knee().size());
			}
		}
		MarkdownTable table = new MarkdownTable(columns.toArray(String[]::new));
		for (WorkloadView.Row row : this.view.rows(mode)) {
			List<String> cells = new ArrayList<>(List.of(label(row)));
			for (int k = 0; k < phases.size(); k++) {
				Figures f = row.cell().phase(k);
				cells.add(rate(f.throughput()) + " · " + ms(f.p99Ms()) + " · " + threads(f.meanThreads()));
			}
			if (convergence) {
				for (int k = 1; k < phases.size(); k++) {
					cells.add(row.cell().contender().kind().isBetapool()
							? seconds(this.view.convergenceSeconds(row.cell(), k)) : "—");
				}
			}
			table.row(cells.toArray(String[]::new));
		}
		md.append("Per phase, ").append(mode.label()).append(":\n\n").append(table).append('\n');
	}

	private static String label(WorkloadView.Row row) {
		return row.cell().contender().kind().isBetapool() ? "**" + row.label() + "**" : row.label();
	}

	private static String signed(double mb) {
		return (Double.isFinite(mb) && mb >= 0) ? "+" + mb(mb) : mb(mb);
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
