package io.betapool.workload;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;

/**
 * A Poisson arrival process: arrivals independent of one another at a mean rate of λ per second, the
 * way requests from many unrelated clients arrive at a server.
 *
 * <p>Interarrival times are exponential, drawn by inversion from a uniform U in (0, 1]:
 * <pre>
 *   interarrival = −ln(U) / λ        mean 1/λ, standard deviation 1/λ
 *   arrival(k)   = interarrival(1) + … + interarrival(k)
 * </pre>
 * Times are rounded to whole nanoseconds and saturate at {@link Long#MAX_VALUE}.
 *
 * <p>Not thread-safe: an instance draws from one random generator, so it should be driven by one
 * thread at a time.
 */
public final class PoissonArrivals implements ArrivalProcess {

	private static final double NANOS_PER_SECOND = 1_000_000_000.0;

	private final double ratePerSecond;

	private final double meanInterarrivalNanos;

	private final RandomGenerator random;

	/**
	 * A process with {@code ratePerSecond} arrivals a second on average, unseeded.
	 * @throws IllegalArgumentException if {@code ratePerSecond} is not positive and finite
	 */
	public PoissonArrivals(double ratePerSecond) {
		this(ratePerSecond, new SplittableRandom());
	}

	/**
	 * A process with {@code ratePerSecond} arrivals a second on average, drawing from {@code random},
	 * which makes a seeded generator give a reproducible schedule.
	 * @throws IllegalArgumentException if {@code ratePerSecond} is not positive and finite
	 */
	public PoissonArrivals(double ratePerSecond, RandomGenerator random) {
		if (!(ratePerSecond > 0)) {
			throw new IllegalArgumentException("ratePerSecond must be positive, but was " + ratePerSecond);
		}
		if (Double.isInfinite(ratePerSecond)) {
			throw new IllegalArgumentException("ratePerSecond must be finite, but was " + ratePerSecond);
		}
		this.ratePerSecond = ratePerSecond;
		this.meanInterarrivalNanos = NANOS_PER_SECOND / ratePerSecond;
		this.random = Objects.requireNonNull(random, "random");
	}

	/**
	 * The mean number of arrivals a second, λ.
	 */
	public double ratePerSecond() {
		return this.ratePerSecond;
	}

	/**
	 * Draws the time to the next arrival, in nanoseconds: {@code −ln(U) / λ}.
	 */
	public long nextInterarrivalNanos() {
		double u = 1.0 - this.random.nextDouble();
		return Math.round(-Math.log(u) * this.meanInterarrivalNanos);
	}

	/**
	 * An infinite schedule whose first arrival comes one interarrival time after the start.
	 */
	@Override
	public LongStream schedule() {
		return LongStream.iterate(0, (arrival) -> Checks.saturatedAdd(arrival, nextInterarrivalNanos())).skip(1);
	}

	@Override
	public String toString() {
		return "PoissonArrivals[ratePerSecond=" + this.ratePerSecond + "]";
	}

}
