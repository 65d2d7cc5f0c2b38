package io.betapool.benchmarks.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import io.betapool.workload.WorkloadGenerator;

/**
 * The workloads of the benchmark report, built from {@link WorkloadGenerator} with CPU parts sized by
 * a {@link Calibration}. Each closed loop keeps {@value #OUTSTANDING} tasks in progress.
 *
 * <table>
 * <caption>Nominal times per task (c = CPU, b = blocking, s = under a shared lock)</caption>
 * <tr><th>workload</th><th>task</th><th>c</th><th>b</th><th>β</th></tr>
 * <tr><td>io-heavy</td><td>20 ms wait, then 0.5 ms CPU</td><td>0.5</td><td>20</td><td>0.976</td></tr>
 * <tr><td>cpu-heavy</td><td>2 ms CPU</td><td>2</td><td>0</td><td>0</td></tr>
 * <tr><td>mixed</td><td>8 ms wait, then 2 ms CPU</td><td>2</td><td>8</td><td>0.8</td></tr>
 * <tr><td>rag</td><td>2 ms network, 0.5 ms tokenising, 20 ms vector search, 1 ms re-ranking, 60 ms LLM</td>
 * <td>1.5</td><td>82</td><td>0.982</td></tr>
 * <tr><td>contended</td><td>4 ms wait, then 0.5 ms CPU holding one shared lock</td><td>0.5 (s = 0.5)</td><td>4</td>
 * <td>0.889</td></tr>
 * <tr><td>variable</td><td>2–38 ms (uniform), 95 % waiting, 5 % CPU</td><td>1 (mean)</td><td>19 (mean)</td><td>0.95</td></tr>
 * <tr><td>phase-shift</td><td>I/O 9 ms + 1 ms CPU → CPU 2 ms → I/O 20 ms + 0.5 ms CPU</td><td colspan="3">per phase</td></tr>
 * <tr><td>bursts</td><td>20 ms wait, then 0.5 ms CPU, in {@value #BURSTS} bursts of {@value #BURST_ON_MS} ms
 * {@value #BURST_GAP_MS} ms apart</td><td>0.5</td><td>20</td><td>0.976</td></tr>
 * </table>
 * The bursts workload is measured from a cold start, with no warm-up for any contender: what it tests
 * is how a pool takes the first burst and each burst after an idle gap.
 */
public final class Workloads {

	/** Tasks a closed loop keeps in progress. */
	public static final int OUTSTANDING = 200;

	/** Bursts of the bursts workload. */
	public static final int BURSTS = 3;

	/** How long each burst of the bursts workload offers work, in ms. */
	public static final long BURST_ON_MS = 1500;

	/** The idle gap between bursts of the bursts workload, in ms. */
	public static final long BURST_GAP_MS = 3000;

	/** How much the smoke run shortens the bursts workload's timeline. */
	public static final double QUICK_BURST_SCALE = 0.1;

	private static final Object SHARED_LOCK = new Object();

	private Workloads() {
	}

	/**
	 * Every workload, steady ones first, then the phase-shifting stream and the bursts after idle.
	 */
	public static List<WorkloadSpec> standard(Calibration calibration) {
		return standard(calibration, 1);
	}

	/**
	 * Every workload, with the bursts workload's timeline multiplied by {@code burstScale} (the smoke run
	 * shortens it).
	 */
	public static List<WorkloadSpec> standard(Calibration calibration, double burstScale) {
		return List.of(ioHeavy(calibration), cpuHeavy(calibration), mixed(calibration), rag(calibration),
				contended(calibration), variable(calibration), phaseShift(calibration), bursts(calibration, burstScale));
	}

	/** The ids of {@link #standard}, in its order. */
	public static List<String> ids() {
		return standard(new Calibration(1)).stream().map(WorkloadSpec::id).toList();
	}

	static WorkloadSpec ioHeavy(Calibration calibration) {
		return steady("io-heavy", "I/O-heavy", waitThenCompute("I/O", 20, 0.5, calibration));
	}

	static WorkloadSpec cpuHeavy(Calibration calibration) {
		return steady("cpu-heavy", "CPU-heavy", new Phase("CPU", "2 ms of CPU work", 2, 0, 0,
				WorkloadGenerator.cpuTask(calibration.iterations(2))));
	}

	static WorkloadSpec mixed(Calibration calibration) {
		return steady("mixed", "Mixed I/O and CPU", waitThenCompute("mixed", 8, 2, calibration));
	}

	static WorkloadSpec rag(Calibration calibration) {
		Callable<?> task = WorkloadGenerator.ragPipelineTask(2, 20, 60, calibration.iterations(0.5),
				calibration.iterations(1));
		return steady("rag", "RAG pipeline", new Phase("RAG",
				"2 ms network, 0.5 ms tokenising, 20 ms vector search, 1 ms re-ranking, 60 ms LLM call", 1.5, 82, 0,
				task));
	}

	static WorkloadSpec contended(Calibration calibration) {
		Callable<?> io = WorkloadGenerator.ioTask(4);
		Callable<?> locked = WorkloadGenerator.contendedTask(SHARED_LOCK, calibration.iterations(0.5));
		Callable<Object> task = () -> {
			io.call();
			return locked.call();
		};
		return steady("contended", "Contended lock", new Phase("contended",
				"4 ms wait, then 0.5 ms of CPU work holding one lock shared by all tasks", 0.5, 4, 0.5, task));
	}

	static WorkloadSpec variable(Calibration calibration) {
		double minMs = 2;
		double maxMs = 38;
		double cpuFraction = 0.05;
		Callable<Object> task = () -> {
			double totalMs = ThreadLocalRandom.current().nextDouble(minMs, maxMs);
			double cpuMs = totalMs * cpuFraction;
			return WorkloadGenerator.mixedTask(totalMs - cpuMs, calibration.iterations(cpuMs)).call();
		};
		double meanMs = (minMs + maxMs) / 2;
		return steady("variable", "Variable latency", new Phase("variable",
				"2–38 ms drawn uniformly per task: 95 % waiting, then 5 % CPU work", meanMs * cpuFraction,
				meanMs * (1 - cpuFraction), 0, task));
	}

	static WorkloadSpec phaseShift(Calibration calibration) {
		return new WorkloadSpec("phase-shift", "Phase-shifting stream (I/O → CPU → I/O)",
				List.of(waitThenCompute("I/O", 9, 1, calibration),
						new Phase("CPU", "2 ms of CPU work", 2, 0, 0,
								WorkloadGenerator.cpuTask(calibration.iterations(2))),
						waitThenCompute("I/O 2", 20, 0.5, calibration)),
				OUTSTANDING);
	}

	static WorkloadSpec bursts(Calibration calibration, double scale) {
		List<Duration> gaps = new ArrayList<>();
		for (int i = 1; i < BURSTS; i++) {
			gaps.add(Duration.ofMillis(BURST_GAP_MS));
		}
		return new WorkloadSpec("bursts", "Bursts after idle", List.of(waitThenCompute("I/O", 20, 0.5, calibration)),
				OUTSTANDING, new Bursts(Duration.ofMillis(BURST_ON_MS), gaps).scaled(scale));
	}

	private static WorkloadSpec steady(String id, String title, Phase phase) {
		return new WorkloadSpec(id, title, List.of(phase), OUTSTANDING);
	}

	private static Phase waitThenCompute(String name, double blockMs, double cpuMs, Calibration calibration) {
		return new Phase(name, format(blockMs) + " ms wait, then " + format(cpuMs) + " ms of CPU work", cpuMs,
				blockMs, 0, WorkloadGenerator.mixedTask(blockMs, calibration.iterations(cpuMs)));
	}

	private static String format(double ms) {
		return (ms == Math.rint(ms)) ? Long.toString((long) ms) : Double.toString(ms);
	}

}
