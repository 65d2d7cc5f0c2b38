package io.betapool.benchmarks.twopools;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Everything the two-pool run measured.
 *
 * @param cores the cores of the machine
 * @param seconds the length of each cell, from cold
 * @param cpuAlone the CPU-heavy pool alone, at each static size
 * @param ioAlone the I/O-heavy pool alone, at each static size
 * @param setups both pools side by side, in each setup
 */
public record TwoPoolResults(int cores, double seconds, List<Alone> cpuAlone, List<Alone> ioAlone,
		List<SetupResult> setups) {

	static final String COORDINATED = "betapool, one CPU budget";

	static final String INDEPENDENT = "betapool, independent";

	static final String VIRTUAL = "virtual threads";

	public TwoPoolResults {
		cpuAlone = List.copyOf(cpuAlone);
		ioAlone = List.copyOf(ioAlone);
		setups = List.copyOf(setups);
	}

	/**
	 * One pool alone at a static size.
	 *
	 * @param pool {@code cpu} or {@code io}
	 * @param size the static size
	 * @param figures what it did
	 */
	public record Alone(String pool, int size, PoolFigures figures) {
	}

	/** The static size with the most throughput alone. */
	static Alone best(List<Alone> alone) {
		return alone.stream().max(Comparator.comparingDouble((a) -> a.figures().tasksPerSecond())).orElseThrow();
	}

	/** The setup with each figure the median of its rounds. */
	static SetupResult median(List<SetupResult> rounds) {
		return new SetupResult(rounds.get(0).setup(),
				new PoolFigures(median(rounds, (r) -> r.cpu().tasksPerSecond()), median(rounds, (r) -> r.cpu().p99Ms()),
						median(rounds, (r) -> r.cpu().meanThreads())),
				new PoolFigures(median(rounds, (r) -> r.io().tasksPerSecond()), median(rounds, (r) -> r.io().p99Ms()),
						median(rounds, (r) -> r.io().meanThreads())),
				median(rounds, SetupResult::meanTotalThreads));
	}

	private static double median(List<SetupResult> rounds, ToDoubleFunction<SetupResult> figure) {
		double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
		int n = values.length;
		return (n % 2 == 1) ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	}

	Alone bestCpu() {
		return best(this.cpuAlone);
	}

	Alone bestIo() {
		return best(this.ioAlone);
	}

}
