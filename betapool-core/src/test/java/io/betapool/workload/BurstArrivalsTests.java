package io.betapool.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.betapool.measure.Ticker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link BurstArrivals}, and through it for the driving loop of {@link ArrivalProcess}.
 */
class BurstArrivalsTests {

	private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

	@Test
	void scheduleReleasesBurstSizeTasksAtEveryInterval() {
		BurstArrivals arrivals = new BurstArrivals(3, Duration.ofMillis(10));
		assertThat(arrivals.schedule().limit(9).toArray())
			.containsExactly(0, 0, 0, 10 * MS, 10 * MS, 10 * MS, 20 * MS, 20 * MS, 20 * MS);
	}

	@Test
	void eachScheduleStartsANewRun() {
		BurstArrivals arrivals = new BurstArrivals(2, Duration.ofMillis(5));
		assertThat(arrivals.schedule().limit(3).toArray()).containsExactly(0, 0, 5 * MS);
		assertThat(arrivals.schedule().limit(3).toArray()).containsExactly(0, 0, 5 * MS);
	}

	@Test
	void jitterDelaysEachBurstAsAWholeWithinTheJitter() {
		int size = 4;
		BurstArrivals arrivals = new BurstArrivals(size, Duration.ofMillis(10), Duration.ofMillis(5),
				new SplittableRandom(9L));
		long[] schedule = arrivals.schedule().limit(size * 200L).toArray();
		assertThat(schedule).isSorted();
		boolean delayed = false;
		for (int burst = 0; burst < 200; burst++) {
			long start = schedule[burst * size];
			for (int i = 1; i < size; i++) {
				assertThat(schedule[burst * size + i]).isEqualTo(start);
			}
			assertThat(start).isGreaterThanOrEqualTo(burst * 10 * MS).isLessThan(burst * 10 * MS + 5 * MS);
			delayed |= start != burst * 10 * MS;
		}
		assertThat(delayed).isTrue();
	}

	@Test
	void jitterAsLongAsTheIntervalKeepsBurstsInOrder() {
		BurstArrivals arrivals = new BurstArrivals(1, Duration.ofMillis(1), Duration.ofMillis(1),
				new SplittableRandom(2L));
		assertThat(arrivals.schedule().limit(10_000).toArray()).isSorted();
	}

	@Test
	void scheduleSaturatesInsteadOfOverflowingAtHugeIntervals() {
		BurstArrivals arrivals = new BurstArrivals(1, Duration.ofDays(365L * 200));
		long[] schedule = arrivals.schedule().limit(4).toArray();
		assertThat(schedule).containsExactly(0, Duration.ofDays(365L * 200).toNanos(), Long.MAX_VALUE, Long.MAX_VALUE);
	}

	@Test
	void driveSubmitsEveryBurstThatStartsWithinTheDuration() throws InterruptedException {
		BurstArrivals arrivals = new BurstArrivals(5, Duration.ofMillis(10));
		AtomicLong submitted = new AtomicLong();
		Ticker ticker = PoissonArrivalsTests.jumpingTicker(Long.MAX_VALUE - 1);
		assertThat(arrivals.drive(Duration.ofMillis(35), submitted::incrementAndGet, ticker)).isEqualTo(20);
		assertThat(submitted).hasValue(20);
	}

	@Test
	void driveSubmitsNoArrivalBeforeItsTime() throws InterruptedException {
		BurstArrivals arrivals = new BurstArrivals(2, Duration.ofMillis(20));
		List<Long> offsets = new ArrayList<>();
		long start = System.nanoTime();
		long count = arrivals.drive(Duration.ofMillis(100), () -> offsets.add(System.nanoTime() - start));
		long elapsed = System.nanoTime() - start;
		assertThat(count).isEqualTo(10);
		long[] schedule = arrivals.schedule().limit(10).toArray();
		for (int i = 0; i < offsets.size(); i++) {
			assertThat(offsets.get(i)).isGreaterThanOrEqualTo(schedule[i]);
		}
		assertThat(elapsed).isGreaterThanOrEqualTo(100 * MS).isLessThan(TimeUnit.SECONDS.toNanos(10));
	}

	@Test
	void driveEndsWithInterruptedExceptionWhenItsThreadIsInterrupted() throws InterruptedException {
		BurstArrivals arrivals = new BurstArrivals(1, Duration.ofHours(1));
		CountDownLatch submitted = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread thread = new Thread(() -> {
			try {
				arrivals.drive(Duration.ofDays(1), submitted::countDown);
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});
		thread.start();
		submitted.await();
		thread.interrupt();
		thread.join(TimeUnit.SECONDS.toMillis(30));
		assertThat(thread.isAlive()).isFalse();
		assertThat(failure.get()).isInstanceOf(InterruptedException.class);
	}

	@Test
	void constructorValidationNamesTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BurstArrivals(0, Duration.ofSeconds(1)))
			.withMessage("burstSize must be >= 1, but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new BurstArrivals(1, Duration.ZERO))
			.withMessage("burstInterval must be positive, but was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BurstArrivals(1, Duration.ofSeconds(1), Duration.ofMillis(-1)))
			.withMessage("jitter must not be negative, but was PT-0.001S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BurstArrivals(1, Duration.ofSeconds(1), Duration.ofSeconds(2)))
			.withMessage("jitter must not exceed burstInterval (PT1S), but was PT2S");
		assertThatNullPointerException().isThrownBy(() -> new BurstArrivals(1, null)).withMessage("burstInterval");
		assertThatNullPointerException()
			.isThrownBy(() -> new BurstArrivals(1, Duration.ofSeconds(1), Duration.ZERO, null))
			.withMessage("random");
	}

	@Test
	void settingsAreReported() {
		BurstArrivals arrivals = new BurstArrivals(8, Duration.ofSeconds(2), Duration.ofMillis(500));
		assertThat(arrivals.burstSize()).isEqualTo(8);
		assertThat(arrivals.burstInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(arrivals.jitter()).isEqualTo(Duration.ofMillis(500));
		assertThat(arrivals).hasToString("BurstArrivals[burstSize=8, burstInterval=PT2S, jitter=PT0.5S]");
	}

}
