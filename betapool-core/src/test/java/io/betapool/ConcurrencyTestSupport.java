package io.betapool;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delays and waits shared by the concurrency tests, in the manner of JSR-166's {@code SHORT_DELAY_MS}
 * and {@code LONG_DELAY_MS}: every delay a test uses comes from here, scaled by the system property
 * {@code betapool.test.delayFactor} (default 1) for slow machines.
 *
 * <p>{@link #SHORT_DELAY_MS} is how long a test waits for something that must <em>not</em> happen
 * (a timed call is expected to time out); {@link #MEDIUM_DELAY_MS} is a time limit that quick work
 * must beat while other work is made to miss it; {@link #LONG_DELAY_MS} bounds every wait for something that
 * must happen and normally takes milliseconds, so it only matters when a test fails.
 */
public final class ConcurrencyTestSupport {

	/** Multiplies every delay; set {@code -Dbetapool.test.delayFactor=3} on a very slow machine. */
	public static final long DELAY_FACTOR = Long.getLong("betapool.test.delayFactor", 1L);

	/** A wait for something that should not happen, or a timeout a timed call should hit. */
	public static final long SHORT_DELAY_MS = 50L * DELAY_FACTOR;

	/** A time limit that a task of a few milliseconds must beat even on a loaded machine. */
	public static final long MEDIUM_DELAY_MS = 1_000L * DELAY_FACTOR;

	/** The upper bound of a wait for something that should happen, usually within milliseconds. */
	public static final long LONG_DELAY_MS = 20_000L * DELAY_FACTOR;

	/** {@link #SHORT_DELAY_MS} as a {@link Duration}. */
	public static final Duration SHORT_DELAY = Duration.ofMillis(SHORT_DELAY_MS);

	/** {@link #LONG_DELAY_MS} as a {@link Duration}. */
	public static final Duration LONG_DELAY = Duration.ofMillis(LONG_DELAY_MS);

	private ConcurrencyTestSupport() {
	}

	/** Waits up to {@link #LONG_DELAY_MS} for the latch to open and fails the test if it does not. */
	public static void await(CountDownLatch latch) throws InterruptedException {
		assertThat(latch.await(LONG_DELAY_MS, TimeUnit.MILLISECONDS))
			.as("latch opened within %d ms (count still %d)", LONG_DELAY_MS, latch.getCount())
			.isTrue();
	}

	/** Joins every thread, each within {@link #LONG_DELAY_MS}, and fails the test if one is still alive. */
	public static void join(Thread... threads) throws InterruptedException {
		for (Thread thread : threads) {
			thread.join(LONG_DELAY_MS);
			assertThat(thread.isAlive()).as("%s ended within %d ms", thread.getName(), LONG_DELAY_MS).isFalse();
		}
	}

	/**
	 * Shuts the executor down at once and waits for it to terminate; for {@code @AfterEach} methods, where
	 * it must not hide the failure of the test itself.
	 */
	public static void shutdownNowAndAwait(ExecutorService executor) throws InterruptedException {
		executor.shutdownNow();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, TimeUnit.MILLISECONDS))
			.as("%s terminated within %d ms", executor, LONG_DELAY_MS)
			.isTrue();
	}

	/** The names of the live threads whose names start with the prefix and that were not among {@code before}. */
	public static Set<String> newThreadNamesSince(String prefix, Set<Thread> before) {
		Set<Thread> now = new HashSet<>(liveThreadsNamed(prefix));
		now.removeAll(before);
		return now.stream().map(Thread::getName).collect(Collectors.toSet());
	}

	/** The live threads whose names start with the prefix. */
	public static Set<Thread> liveThreadsNamed(String prefix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(prefix) && thread.isAlive())
			.collect(Collectors.toSet());
	}

}
