package io.betapool.benchmarks.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.result.ScenarioCell;
import io.betapool.benchmarks.result.ScenarioSet;
import io.betapool.benchmarks.workload.Scenario;

/**
 * What a scenario set says about betapool ADAPTIVE: the distribution over the scenarios of its ratios
 * to the best static pool ({@link ScenarioView}), and how it fares against virtual threads on p99.
 * <pre>
 *   throughput ratio  X / X(best)            median, 10th percentile, worst (lowest)
 *   p99 ratio         p99 / p99(best)        median, 90th percentile, worst (highest)
 *   threads ratio     mean threads / knee    median, 90th percentile, highest
 *   against virtual threads, among the scenarios where X(betapool) ≥ {@value #SAME_THROUGHPUT} · X(virtual threads):
 *     win  = p99(betapool) < p99(virtual threads),  loss otherwise;
 *     share of wins = wins / scenarios in which both ran
 * </pre>
 * A scenario where betapool falls short of that throughput counts as neither a win nor a loss, and
 * against the share of wins.
 *
 * @param set the set
 * @param views one per scenario, in order
 */
public record ScenarioSummary(ScenarioSet set, List<ScenarioView> views) {

	/** betapool's throughput, as a share of virtual threads', at which their p99 are compared. */
	public static final double SAME_THROUGHPUT = 0.98;

	/** The summary of {@code set}, its scenarios drawn again from its seed. */
	public static ScenarioSummary of(ScenarioSet set) {
		List<Scenario> drawn = set.drawn();
		List<ScenarioView> views = new ArrayList<>();
		for (int i = 0; i < drawn.size(); i++) {
			views.add(new ScenarioView(drawn.get(i), set.scenarios().get(i), set.cores()));
		}
		return new ScenarioSummary(set, views);
	}

	public Distribution throughput() {
		return ratios(Ratio.THROUGHPUT);
	}

	public Distribution p99() {
		return ratios(Ratio.P99);
	}

	public Distribution threads() {
		return ratios(Ratio.THREADS);
	}

	/** Scenarios where betapool and virtual threads both ran. */
	public int againstVirtualThreads() {
		return (int) this.views.stream().filter((v) -> versus(v).isPresent()).count();
	}

	/** Scenarios where betapool reached the throughput band and had the lower p99. */
	public int winsOverVirtualThreads() {
		return (int) this.views.stream().filter((v) -> versus(v).orElse(Versus.NONE) == Versus.WIN).count();
	}

	/** Scenarios where betapool reached the throughput band but its p99 was not lower. */
	public int lossesToVirtualThreads() {
		return (int) this.views.stream().filter((v) -> versus(v).orElse(Versus.NONE) == Versus.LOSS).count();
	}

	/** Wins over the scenarios where both ran; {@code NaN} when there is none. */
	public double winShare() {
		int both = againstVirtualThreads();
		return (both > 0) ? (double) winsOverVirtualThreads() / both : Double.NaN;
	}

	/** How betapool did against virtual threads on {@code view}, if both ran. */
	public static Optional<Versus> versus(ScenarioView view) {
		Optional<ScenarioCell> adaptive = view.adaptive();
		Optional<ScenarioCell> vt = view.cell(Contender.virtualThreads());
		if (adaptive.isEmpty() || vt.isEmpty()) {
			return Optional.empty();
		}
		ScenarioCell a = adaptive.get();
		ScenarioCell v = vt.get();
		if (!(a.throughput() >= SAME_THROUGHPUT * v.throughput())) {
			return Optional.of(Versus.NONE);
		}
		return Optional.of((a.p99Ms() < v.p99Ms()) ? Versus.WIN : Versus.LOSS);
	}

	private Distribution ratios(Ratio ratio) {
		List<Double> values = new ArrayList<>();
		for (ScenarioView view : this.views) {
			view.adaptive().ifPresent((cell) -> values.add(switch (ratio) {
				case THROUGHPUT -> view.throughputRatio(cell);
				case P99 -> view.p99Ratio(cell);
				case THREADS -> view.threadsRatio(cell);
			}));
		}
		return new Distribution(values);
	}

	private enum Ratio {

		THROUGHPUT, P99, THREADS

	}

	/** betapool against virtual threads on one scenario. */
	public enum Versus {

		/** At ≥ 0.98 × their throughput, with a lower p99. */
		WIN,

		/** At ≥ 0.98 × their throughput, with a p99 no lower. */
		LOSS,

		/** Below 0.98 × their throughput. */
		NONE

	}

}
