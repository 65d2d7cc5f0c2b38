package io.betapool.benchmarks.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Percentiles of a small sample, interpolated linearly between order statistics (the definition of
 * Excel's {@code PERCENTILE.INC} and R's default type 7):
 * <pre>
 *   h = (n − 1) · p,   q(p) = x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋])     x sorted ascending, from 0
 * </pre>
 * Values that are not finite are left out.
 */
public final class Distribution {

	private final double[] sorted;

	public Distribution(List<Double> values) {
		this.sorted = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
	}

	/** How many finite values there are. */
	public int size() {
		return this.sorted.length;
	}

	/** The {@code p}-quantile, {@code p} in [0, 1]; {@code NaN} when there is no value. */
	public double quantile(double p) {
		if (!(p >= 0 && p <= 1)) {
			throw new IllegalArgumentException("p must be in [0, 1], but was " + p);
		}
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		double h = (this.sorted.length - 1) * p;
		int low = (int) Math.floor(h);
		int high = Math.min(this.sorted.length - 1, low + 1);
		return this.sorted[low] + (h - low) * (this.sorted[high] - this.sorted[low]);
	}

	public double median() {
		return quantile(0.5);
	}

	public double min() {
		return quantile(0);
	}

	public double max() {
		return quantile(1);
	}

	@Override
	public String toString() {
		return Arrays.toString(this.sorted);
	}

}
