package io.betapool.benchmarks.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The throughput of static pools of several sizes on one workload, and what follows from it:
 * <pre>
 *   best  = the size with the highest throughput X(n) (the smaller on a tie)
 *   knee  = min { n : X(n) ≥ {@value #KNEE_FRACTION} · X(best) }
 * </pre>
 * The knee is the size to aim for: on few cores, threads beyond it rarely cost throughput but cost
 * latency and memory.
 *
 * @param points the measured sizes and throughputs, in any order; at least one
 */
public record StaticSweep(List<Point> points) {

	/** The share of the best throughput the knee must reach. */
	public static final double KNEE_FRACTION = 0.98;

	public StaticSweep {
		points = points.stream().sorted(Comparator.comparingInt(Point::size)).toList();
		if (points.isEmpty()) {
			throw new IllegalArgumentException("a sweep needs at least one point");
		}
	}

	/** The size with the highest throughput; the smaller size on a tie. */
	public Point best() {
		Point best = this.points.get(0);
		for (Point point : this.points) {
			if (point.throughput() > best.throughput()) {
				best = point;
			}
		}
		return best;
	}

	/** The smallest size whose throughput is at least {@value #KNEE_FRACTION} of the best. */
	public Point knee() {
		double needed = KNEE_FRACTION * best().throughput();
		for (Point point : this.points) {
			if (point.throughput() >= needed) {
				return point;
			}
		}
		return best();
	}

	/** The measured point of {@code size}, if any. */
	public java.util.Optional<Point> at(int size) {
		return this.points.stream().filter((point) -> point.size() == size).findFirst();
	}

	/**
	 * Sizes that would locate a knee found by a coarse sweep more precisely: between {@code knee / 2}
	 * and {@code knee}, at {@code knee / 2 · (1 + k/4)} for k = 1, 2, 3, rounded, leaving out sizes
	 * already measured. Empty when the knee is below 4.
	 */
	public static List<Integer> refinements(int knee, Set<Integer> measured) {
		Set<Integer> sizes = new TreeSet<>();
		if (knee >= 4) {
			double half = knee / 2.0;
			for (int k = 1; k <= 3; k++) {
				int size = (int) Math.round(half * (1 + k / 4.0));
				if (size > half && size < knee && !measured.contains(size)) {
					sizes.add(size);
				}
			}
		}
		return new ArrayList<>(sizes);
	}

	/**
	 * One static size and its throughput.
	 * @param size threads
	 * @param throughput tasks per second
	 */
	public record Point(int size, double throughput) {

	}

}
