package io.betapool.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.betapool.measure.Ticker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link PoissonArrivals}. Driving uses a ticker that jumps a whole second per read, so
 * every arrival is already due and nothing sleeps.
 */
class PoissonArrivalsTests {

	private static final double RATE = 1_000.0;

	@Test
	void meanInterarrivalIsTheReciprocalOfTheRate() {
		PoissonArrivals arrivals = new PoissonArrivals(RATE, new SplittableRandom(42L));
		int draws = 100_000;
		double sum = 0;
		for (int i = 0; i < draws; i++) {
			long interarrival = arrivals.nextInterarrivalNanos();
			assertThat(interarrival).isNotNegative();
			sum += interarrival;
		}
		double expected = 1_000_000_000.0 / RATE;
		assertThat(sum / draws).isCloseTo(expected, within(expected * 0.02));
	}

	@Test
	void scheduleIsTheRunningSumOfInterarrivals() {
		PoissonArrivals arrivals = new PoissonArrivals(RATE, new SplittableRandom(7L));
		PoissonArrivals twin = new PoissonArrivals(RATE, new SplittableRandom(7L));
		long[] schedule = arrivals.schedule().limit(1_000).toArray();
		long expected = 0;
		for (long arrival : schedule) {
			expected += twin.nextInterarrivalNanos();
			assertThat(arrival).isEqualTo(expected);
		}
	}

	@Test
	void scheduleIsReproducibleWithASeededGenerator() {
		long[] first = new PoissonArrivals(RATE, new SplittableRandom(1L)).schedule().limit(100).toArray();
		long[] second = new PoissonArrivals(RATE, new SplittableRandom(1L)).schedule().limit(100).toArray();
		assertThat(first).containsExactly(second).isSorted();
		assertThat(first[0]).isPositive();
	}

	@Test
	void scheduleSaturatesInsteadOfOverflowingAtTinyRates() {
		long[] schedule = new PoissonArrivals(1e-12, new SplittableRandom(3L)).schedule().limit(20).toArray();
		assertThat(schedule).isSorted();
		assertThat(schedule[0]).isNotNegative();
		assertThat(schedule[schedule.length - 1]).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void driveSubmitsEveryArrivalWithinTheDuration() throws InterruptedException {
		PoissonArrivals arrivals = new PoissonArrivals(RATE, new SplittableRandom(5L));
		Duration duration = Duration.ofMillis(100);
		long expected = new PoissonArrivals(RATE, new SplittableRandom(5L)).schedule()
			.takeWhile((arrival) -> arrival < duration.toNanos())
			.count();
		AtomicLong submitted = new AtomicLong();
		long count = arrivals.drive(duration, submitted::incrementAndGet, jumpingTicker(Long.MAX_VALUE - 10));
		assertThat(count).isEqualTo(expected).isEqualTo(submitted.get());
		assertThat(count).isBetween(50L, 150L);
	}

	@Test
	void driveOverAZeroDurationSubmitsNothing() throws InterruptedException {
		PoissonArrivals arrivals = new PoissonArrivals(RATE, new SplittableRandom(5L));
		List<Long> submitted = new ArrayList<>();
		assertThat(arrivals.drive(Duration.ZERO, () -> submitted.add(1L))).isZero();
		assertThat(submitted).isEmpty();
	}

	@Test
	void driveRejectsANegativeDurationAndMissingArguments() {
		PoissonArrivals arrivals = new PoissonArrivals(RATE);
		assertThatIllegalArgumentException().isThrownBy(() -> arrivals.drive(Duration.ofSeconds(-1), () -> {
		})).withMessage("duration must not be negative, but was PT-1S");
		assertThatNullPointerException().isThrownBy(() -> arrivals.drive(Duration.ZERO, null)).withMessage("submit");
		assertThatNullPointerException().isThrownBy(() -> arrivals.drive(null, () -> {
		})).withMessage("duration");
	}

	@Test
	void constructorRejectsRatesThatAreNotPositiveAndFinite() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PoissonArrivals(0))
			.withMessage("ratePerSecond must be positive, but was 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> new PoissonArrivals(-5))
			.withMessage("ratePerSecond must be positive, but was -5.0");
		assertThatIllegalArgumentException().isThrownBy(() -> new PoissonArrivals(Double.NaN))
			.withMessage("ratePerSecond must be positive, but was NaN");
		assertThatIllegalArgumentException().isThrownBy(() -> new PoissonArrivals(Double.POSITIVE_INFINITY))
			.withMessage("ratePerSecond must be finite, but was Infinity");
		assertThatNullPointerException().isThrownBy(() -> new PoissonArrivals(1, null)).withMessage("random");
	}

	@Test
	void rateIsReported() {
		assertThat(new PoissonArrivals(RATE).ratePerSecond()).isEqualTo(RATE);
		assertThat(new PoissonArrivals(RATE)).hasToString("PoissonArrivals[ratePerSecond=1000.0]");
	}

	/**
	 * A ticker that moves a whole second forward on every read, starting at {@code start}.
	 */
	static Ticker jumpingTicker(long start) {
		AtomicLong now = new AtomicLong(start);
		return () -> now.getAndAdd(1_000_000_000L);
	}

}
