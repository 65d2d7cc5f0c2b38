package io.betapool.workload;

import java.time.Duration;
import java.util.Objects;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

/**
 * Bursty arrivals: {@code burstSize} tasks arrive at once, every {@code burstInterval}, the load that
 * tests how fast a pool reacts to a sudden queue.
 *
 * <p>Burst k (from 0) starts at
 * <pre>
 *   start(k) = k · burstInterval + J(k),   J(k) uniform in [0, jitter)
 * </pre>
 * with J = 0 when there is no jitter; every task of a burst arrives at its start. Because
 * {@code jitter ≤ burstInterval}, bursts never overtake one another. Times saturate at
 * {@link Long#MAX_VALUE} nanoseconds.
 *
 * <p>Not thread-safe when jittered: an instance draws from one random generator, so it should be
 * driven by one thread at a time.
 */
public final class BurstArrivals implements ArrivalProcess {

	private final int burstSize;

	private final Duration burstInterval;

	private final Duration jitter;

	private final long intervalNanos;

	private final long jitterNanos;

	private final RandomGenerator random;

	/**
	 * A process releasing {@code burstSize} tasks every {@code burstInterval}, the first burst at the
	 * start, without jitter.
	 * @throws IllegalArgumentException if {@code burstSize < 1} or {@code burstInterval} is not
	 * positive
	 */
	public BurstArrivals(int burstSize, Duration burstInterval) {
		this(burstSize, burstInterval, Duration.ZERO);
	}

	/**
	 * A process releasing {@code burstSize} tasks every {@code burstInterval}, each burst delayed by a
	 * random amount below {@code jitter}, unseeded.
	 * @throws IllegalArgumentException if {@code burstSize < 1}, {@code burstInterval} is not
	 * positive, or {@code jitter} is negative or longer than {@code burstInterval}
	 */
	public BurstArrivals(int burstSize, Duration burstInterval, Duration jitter) {
		this(burstSize, burstInterval, jitter, new SplittableRandom());
	}

	/**
	 * A process releasing {@code burstSize} tasks every {@code burstInterval}, each burst delayed by a
	 * random amount below {@code jitter} drawn from {@code random}.
	 * @throws IllegalArgumentException if {@code burstSize < 1}, {@code burstInterval} is not
	 * positive, or {@code jitter} is negative or longer than {@code burstInterval}
	 */
	public BurstArrivals(int burstSize, Duration burstInterval, Duration jitter, RandomGenerator random) {
		Objects.requireNonNull(burstInterval, "burstInterval");
		Objects.requireNonNull(jitter, "jitter");
		this.burstSize = Checks.atLeastOne("burstSize", burstSize);
		this.burstInterval = Checks.positive("burstInterval", burstInterval);
		this.jitter = Checks.notNegative("jitter", jitter);
		if (jitter.compareTo(burstInterval) > 0) {
			throw new IllegalArgumentException(
					"jitter must not exceed burstInterval (" + burstInterval + "), but was " + jitter);
		}
		this.intervalNanos = Checks.nanos(burstInterval);
		this.jitterNanos = Checks.nanos(jitter);
		this.random = Objects.requireNonNull(random, "random");
	}

	/**
	 * The number of tasks that arrive together.
	 */
	public int burstSize() {
		return this.burstSize;
	}

	/**
	 * The time between the starts of two bursts, jitter aside.
	 */
	public Duration burstInterval() {
		return this.burstInterval;
	}

	/**
	 * The bound on the random delay of each burst; zero when bursts are exactly periodic.
	 */
	public Duration jitter() {
		return this.jitter;
	}

	/**
	 * An infinite schedule whose first burst starts at the start of the run, jitter aside.
	 */
	@Override
	public LongStream schedule() {
		return StreamSupport.longStream(
				Spliterators.spliteratorUnknownSize(new Schedule(), Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

	private long burstStart(long burst) {
		long start;
		try {
			start = Math.multiplyExact(burst, this.intervalNanos);
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
		long delay = (this.jitterNanos > 0) ? this.random.nextLong(this.jitterNanos) : 0;
		return Checks.saturatedAdd(start, delay);
	}

	@Override
	public String toString() {
		return "BurstArrivals[burstSize=" + this.burstSize + ", burstInterval=" + this.burstInterval + ", jitter="
				+ this.jitter + "]";
	}

	/**
	 * The arrivals of one run: each burst start repeated {@code burstSize} times.
	 */
	private final class Schedule implements PrimitiveIterator.OfLong {

		private long burst;

		private int left;

		private long start;

		@Override
		public boolean hasNext() {
			return true;
		}

		@Override
		public long nextLong() {
			if (this.left == 0) {
				this.start = burstStart(this.burst++);
				this.left = BurstArrivals.this.burstSize;
			}
			this.left--;
			return this.start;
		}

	}

}
