package io.betapool.benchmarks.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.betapool.Policy;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.contender.ContenderKind;
import io.betapool.benchmarks.result.ScenarioCell;
import io.betapool.benchmarks.result.ScenarioResult;
import io.betapool.benchmarks.workload.Scenario;

/**
 * One scenario's results seen the way the suite compares them. Every contender ran once, from cold,
 * under the same load, so the static pools are compared on throughput and p99 alike:
 * <pre>
 *   top   = the highest static throughput
 *   band  = the static sizes with X ≥ {@value #SAME_THROUGHPUT} · top
 *   best  = the size in the band with the lowest p99 (the smaller on a tie)
 *   knee  = the smallest size in the band whose p99 ≤ {@value #P99_TOLERANCE} · p99(best)
 *   ratios of a contender:  X / X(best),  p99 / p99(best),  mean threads / knee
 * </pre>
 * Under a closed loop the band holds the sizes that reach the work's throughput, and among them the
 * shortest tail; under Poisson arrivals, where every pool that keeps up completes the same tasks, it
 * holds the pools that keep up, and the knee is the smallest that keeps the tail within 10 % of the best.
 *
 * @param scenario the scenario as drawn
 * @param result its cells
 * @param cores processors available
 */
public record ScenarioView(Scenario scenario, ScenarioResult result, int cores) {

	/** Throughputs within 2 % count as the same. */
	public static final double SAME_THROUGHPUT = 0.98;

	/** A p99 within 10 % of the best counts as as good. */
	public static final double P99_TOLERANCE = 1.1;

	private static final Contender ADAPTIVE = Contender.betapool(Policy.ADAPTIVE);

	/** The static cells, smallest size first. */
	public List<ScenarioCell> statics() {
		return this.result.cells()
			.stream()
			.filter((cell) -> cell.contender().kind() == ContenderKind.STATIC)
			.sorted(Comparator.comparingInt((ScenarioCell cell) -> cell.contender().size()))
			.toList();
	}

	/** Whether any static pool ran. */
	public boolean hasStatics() {
		return !statics().isEmpty();
	}

	/** The best static pool, as defined above; empty when none ran. */
	public Optional<ScenarioCell> best() {
		double floor = SAME_THROUGHPUT * top();
		ScenarioCell best = null;
		for (ScenarioCell cell : statics()) {
			if (cell.throughput() >= floor && (best == null || cell.p99Ms() < best.p99Ms())) {
				best = cell;
			}
		}
		return Optional.ofNullable(best);
	}

	/** The knee, as defined above, in threads; 0 when no static pool ran. */
	public int knee() {
		Optional<ScenarioCell> best = best();
		if (best.isEmpty()) {
			return 0;
		}
		double floor = SAME_THROUGHPUT * top();
		for (ScenarioCell cell : statics()) {
			if (cell.throughput() >= floor && cell.p99Ms() <= P99_TOLERANCE * best.get().p99Ms()) {
				return cell.contender().size();
			}
		}
		return best.get().contender().size();
	}

	/** The model's knee: the largest of the phases' {@code N*}, capped by the threads that can be busy. */
	public double modelKnee() {
		double knee = 0;
		for (Scenario.Work work : this.scenario.phases()) {
			knee = Math.max(knee, work.knee(this.cores));
		}
		return Math.min(knee, this.scenario.concurrencyCap());
	}

	/** The cell of {@code contender}, if it ran. */
	public Optional<ScenarioCell> cell(Contender contender) {
		return this.result.cell(contender);
	}

	/** betapool ADAPTIVE's cell, if it ran. */
	public Optional<ScenarioCell> adaptive() {
		return cell(ADAPTIVE);
	}

	/** {@code X(cell) / X(best)}; {@code NaN} without a best static. */
	public double throughputRatio(ScenarioCell cell) {
		return best().map((b) -> cell.throughput() / b.throughput()).orElse(Double.NaN);
	}

	/** {@code p99(cell) / p99(best)}; {@code NaN} without a best static. */
	public double p99Ratio(ScenarioCell cell) {
		return best().map((b) -> cell.p99Ms() / b.p99Ms()).orElse(Double.NaN);
	}

	/** {@code mean threads(cell) / knee}; {@code NaN} without a knee. */
	public double threadsRatio(ScenarioCell cell) {
		int knee = knee();
		return (knee > 0) ? cell.meanThreads() / knee : Double.NaN;
	}

	private double top() {
		return statics().stream().mapToDouble(ScenarioCell::throughput).max().orElse(Double.NaN);
	}

}
