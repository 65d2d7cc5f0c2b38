package io.betapool.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.betapool.Policy;
import io.betapool.ScalingAction;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.DecisionSummary;
import io.betapool.benchmarks.result.Figures;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.Sample;
import io.betapool.benchmarks.result.ScenarioCell;
import io.betapool.benchmarks.result.ScenarioResult;
import io.betapool.benchmarks.result.ScenarioSet;
import io.betapool.benchmarks.workload.Phase;
import io.betapool.benchmarks.workload.WorkloadSpec;

/**
 * Synthetic workloads and results for tests: no thread runs and no clock is read.
 */
public final class Fixtures {

	/** Cores of the synthetic machine. */
	public static final int CORES = 2;

	private Fixtures() {
	}

	/** A steady workload with one phase of the given nominal times. */
	public static WorkloadSpec steady(String id, double cpuMs, double blockMs) {
		return steady(id, id, cpuMs, blockMs);
	}

	/** A steady workload with a title and one phase of the given nominal times. */
	public static WorkloadSpec steady(String id, String title, double cpuMs, double blockMs) {
		return new WorkloadSpec(id, title, List.of(phase(id, cpuMs, blockMs)), 200);
	}

	/** The shape of the shifting workload: I/O, CPU, I/O. */
	public static WorkloadSpec shifting() {
		return new WorkloadSpec("phase-shift", "shifting",
				List.of(phase("I/O", 1, 9), phase("CPU", 2, 0), phase("I/O 2", 0.5, 20)), 200);
	}

	public static Phase phase(String name, double cpuMs, double blockMs) {
		return new Phase(name, name + " work", cpuMs, blockMs, 0, () -> null);
	}

	/** Figures of a 10 s measurement starting at 5 s. */
	public static Figures figures(String segment, double throughput, double p99Ms, double meanThreads) {
		return figures(segment, 5, 10, throughput, p99Ms, meanThreads);
	}

	public static Figures figures(String segment, double start, double seconds, double throughput, double p99Ms,
			double meanThreads) {
		return new Figures(segment, start, seconds, Math.round(throughput * seconds), throughput, p99Ms / 2, p99Ms,
				p99Ms * 1.2, p99Ms * 1.5, Math.round(throughput * seconds), 0, Math.ceil(meanThreads), meanThreads, 1000);
	}

	/** A steady cell. */
	public static CellResult cell(String workload, LoadMode mode, Contender contender, double throughput, double p99Ms,
			double meanThreads) {
		return new CellResult(workload, mode, contender, 1, List.of(), figures(Figures.ALL, throughput, p99Ms, meanThreads),
				List.of(), 100, 110, 90, 0, decisions(contender), timeline(meanThreads, 0, 15));
	}

	/** {@code cell} with the process's CPU use set to {@code cpuPercent}. */
	public static CellResult withCpu(CellResult cell, double cpuPercent) {
		return new CellResult(cell.workload(), cell.mode(), cell.contender(), cell.round(), cell.offeredRates(),
				cell.overall(), cell.phases(), cell.rssBaselineMb(), cell.rssPeakMb(), cpuPercent, cell.failures(),
				cell.decisions(), cell.timeline());
	}

	/** A cell of the shifting workload: three phases of 8 s after 5 s of warm-up, with the given figures and threads per phase. */
	public static CellResult shiftingCell(LoadMode mode, Contender contender, double[] throughput, double[] p99Ms,
			int[] threadsPerPhase) {
		List<Figures> phases = new ArrayList<>();
		String[] names = { "I/O", "CPU", "I/O 2" };
		double total = 0;
		for (int i = 0; i < 3; i++) {
			phases.add(figures(names[i], 5 + 8 * i, 8, throughput[i], p99Ms[i], threadsPerPhase[i]));
			total += throughput[i];
		}
		List<Sample> timeline = new ArrayList<>();
		for (int i = 0; i <= 290; i++) {
			double t = i / 10.0;
			int phase = (t < 5) ? 0 : Math.min(2, (int) ((t - 5) / 8));
			timeline.add(new Sample(t, threadsPerPhase[phase], i * 10L, 0.5, threadsPerPhase[phase], 100));
		}
		return new CellResult("phase-shift", mode, contender, 1, List.of(), figures(Figures.ALL, 5, 24, total / 3,
				Math.max(p99Ms[0], Math.max(p99Ms[1], p99Ms[2])), 10), phases, 100, 110, 90, 0, decisions(contender),
				timeline);
	}

	/** A scenario cell of {@code contender} with the given figures. */
	public static ScenarioCell scenarioCell(Contender contender, double throughput, double p99Ms, double meanThreads) {
		return new ScenarioCell(contender, throughput, p99Ms / 2, p99Ms, p99Ms * 1.5, meanThreads,
				Math.ceil(meanThreads * 1.2), Math.round(throughput * 10), 0, 90, 1000, decisions(contender),
				contender.kind().isBetapool() ? timeline(meanThreads, 0, 1) : List.of());
	}

	/**
	 * The results of the first {@code ratios.length} scenarios of {@code seed}, with static pools of 8, 16
	 * and 32 threads (the best: 16, at 1000 tasks/s and 100 ms, also the knee) and betapool ADAPTIVE at
	 * {@code ratios[i][0]} × the throughput and {@code ratios[i][1]} × the p99 of the best, with 16
	 * threads; virtual threads at 1000 tasks/s and {@code vtP99Ms}.
	 */
	public static ScenarioSet scenarioSet(long seed, double vtP99Ms, double[]... ratios) {
		List<ScenarioResult> results = new ArrayList<>();
		for (int i = 0; i < ratios.length; i++) {
			results.add(new ScenarioResult(i, String.format("s%d-%02d", seed, i + 1),
					List.of(scenarioCell(Contender.fixed(8), 700, 400, 8), scenarioCell(Contender.fixed(16), 1000, 100, 16),
							scenarioCell(Contender.fixed(32), 995, 130, 32), scenarioCell(Contender.springDefault(), 700, 400, 8),
							scenarioCell(Contender.virtualThreads(), 1000, vtP99Ms, 4),
							scenarioCell(Contender.betapool(Policy.SEED), 500, 900, 3),
							scenarioCell(Contender.betapool(Policy.ADAPTIVE), 1000 * ratios[i][0], 100 * ratios[i][1], 16))));
		}
		return new ScenarioSet(seed, 10, CORES, 400_000, false, "2025-01-01 00:00 UTC", 30, "java -jar benchmarks.jar "
				+ "--scenarios " + ratios.length + " --seed " + seed, "Test JDK 25", "", results);
	}

	private static DecisionSummary decisions(Contender contender) {
		if (!contender.kind().isBetapool()) {
			return null;
		}
		Map<ScalingAction, Long> counts = new EnumMap<>(ScalingAction.class);
		counts.put(ScalingAction.VETO, 3L);
		counts.put(ScalingAction.HOLD, 17L);
		Map<ScalingAction, String> reasons = new EnumMap<>(ScalingAction.class);
		reasons.put(ScalingAction.VETO, "Work waits, but the CPU is saturated (97 %): growth vetoed.");
		reasons.put(ScalingAction.HOLD, "At the size the work needs.");
		return new DecisionSummary(counts, reasons, 8);
	}

	private static List<Sample> timeline(double threads, double from, double to) {
		List<Sample> samples = new ArrayList<>();
		for (double t = from; t <= to; t += 0.1) {
			samples.add(new Sample(t, (int) Math.round(threads), Math.round(t * 100), Double.NaN, -1, 100));
		}
		return samples;
	}

}
