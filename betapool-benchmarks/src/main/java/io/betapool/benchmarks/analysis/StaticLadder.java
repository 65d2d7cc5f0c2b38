package io.betapool.benchmarks.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The static sizes a scenario is swept at, chosen from the physical model so that the best static
 * pool is among them without sweeping every power of two:
 * <pre>
 *   cap   = the most threads that can be busy (the tasks a closed loop keeps outstanding; 256 otherwise)
 *   K     = min(cap, max over phases of ⌈N*⌉)          N* = the phase's knee ({@link io.betapool.benchmarks.workload.PhysicalLimit})
 *   sizes = {cores} ∪ {⌈N*⌉ of every phase} ∪ {⌈busy⌉ of every phase} ∪ {round(K · 2^(j/2)) : j = −2 … 2}
 * </pre>
 * each clamped to [1, cap], where busy is the mean number of tasks in progress under Poisson
 * arrivals, λ · (c + b) (none for a closed loop): a geometric ladder from half the knee to twice it,
 * spaced by √2, plus the sizes a developer would try first. When the best size of the sweep lies at
 * either end of it, {@link #extension} names one more size beyond that end.
 */
public final class StaticLadder {

	private StaticLadder() {
	}

	/**
	 * The sizes to sweep.
	 * @param cores processors available
	 * @param knees the knee of each phase, in threads
	 * @param busy the mean tasks in progress of each phase under Poisson arrivals; empty for a closed loop
	 * @param cap the most threads that can be busy
	 */
	public static List<Integer> sizes(int cores, List<Double> knees, List<Double> busy, int cap) {
		if (cap < 1) {
			throw new IllegalArgumentException("cap must be >= 1, but was " + cap);
		}
		Set<Integer> sizes = new TreeSet<>();
		sizes.add(clamp(cores, cap));
		double k = 1;
		for (double knee : knees) {
			sizes.add(clamp(Math.ceil(knee), cap));
			k = Math.max(k, Math.ceil(knee));
		}
		for (double b : busy) {
			sizes.add(clamp(Math.ceil(b), cap));
		}
		k = Math.min(k, cap);
		for (int j = -2; j <= 2; j++) {
			sizes.add(clamp(Math.round(k * Math.pow(2, j / 2.0)), cap));
		}
		return new ArrayList<>(sizes);
	}

	/**
	 * One more size when {@code best} is an end of the sizes {@code tried}: twice the largest (at most
	 * {@code cap}) or half the smallest (at least 1), if not yet tried; empty otherwise.
	 */
	public static OptionalInt extension(int best, List<Integer> tried, int cap) {
		int smallest = tried.stream().mapToInt(Integer::intValue).min().orElse(best);
		int largest = tried.stream().mapToInt(Integer::intValue).max().orElse(best);
		if (best == largest && largest < cap) {
			int next = Math.min(cap, 2 * largest);
			if (!tried.contains(next)) {
				return OptionalInt.of(next);
			}
		}
		if (best == smallest && smallest > 1) {
			int next = Math.max(1, smallest / 2);
			if (!tried.contains(next)) {
				return OptionalInt.of(next);
			}
		}
		return OptionalInt.empty();
	}

	private static int clamp(double size, int cap) {
		return (int) Math.max(1, Math.min(cap, size));
	}

}
