package io.betapool.internal;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import io.betapool.reliability.ScriptedPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.await;
import static io.betapool.ConcurrencyTestSupport.join;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 2: a task submitted just as the last idle workers retire still runs. The pool never goes below
 * its minimum, so "the last idle worker retires" means: a pool of one to four threads shrinks from four
 * idle workers to one while a task is submitted, 10 000 times, each time with the two racing from a
 * barrier and a random head start of up to 50 µs on either side.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LastIdleWorkerRetiresTests {

	private static final int REPETITIONS = 10_000;

	private static final int WIDE = 4;

	private static final String PREFIX = "last-idle-";

	@Test
	void aTaskSubmittedJustAsTheLastIdleWorkerRetiresStillRuns() throws Exception {
		AtomicInteger size = new AtomicInteger(1);
		ScriptedPolicy policy = ScriptedPolicy.following(size::get);
		// the test ticks the controller at the moments it chooses: the loop's own first tick comes a
		// cold start's fast tick after the start, and finds the size the script gives; the next would
		// come an hour later
		PoolEngine engine = PoolEngine.start(new PoolEngine.Settings().name(PREFIX + "pool")
			.threadNamePrefix(PREFIX)
			.bounds(1, WIDE)
			.monitorInterval(Duration.ofHours(1))
			.cpuProbe(() -> () -> Double.NaN)
			.policy(policy));
		policy.awaitDecisions(1);
		assertThat(policy.resizes.get()).isZero();
		AtomicIntegerArray runs = new AtomicIntegerArray(REPETITIONS);
		Semaphore ran = new Semaphore(0);
		CyclicBarrier race = new CyclicBarrier(2);
		AtomicReference<Throwable> submitterFailure = new AtomicReference<>();
		Thread submitter = new Thread(() -> {
			SplittableRandom random = new SplittableRandom(7);
			try {
				for (int i = 0; i < REPETITIONS; i++) {
					int index = i;
					race.await(LONG_DELAY_MS, MILLISECONDS);
					spin(random.nextInt(50_000));
					Runnable probe = () -> {
						runs.incrementAndGet(index);
						ran.release();
					};
					if (i % 2 == 0) {
						engine.executor().execute(probe);
					}
					else {
						engine.executor().submit(probe);
					}
				}
			}
			catch (Throwable ex) {
				submitterFailure.set(ex);
			}
		}, "submitter");
		submitter.start();
		boolean raced = false;
		try {
			SplittableRandom random = new SplittableRandom(11);
			for (int i = 0; i < REPETITIONS; i++) {
				size.set(WIDE);
				engine.tickNow();
				// each execute below the core size starts a worker: afterwards WIDE workers are idle or about to be
				CountDownLatch warmed = new CountDownLatch(WIDE);
				for (int w = 0; w < WIDE; w++) {
					engine.executor().execute(warmed::countDown);
				}
				await(warmed);
				size.set(1);
				race.await(LONG_DELAY_MS, MILLISECONDS);
				spin(random.nextInt(50_000));
				engine.tickNow();
				assertThat(ran.tryAcquire(LONG_DELAY_MS, MILLISECONDS)).as("task of repetition %d ran", i).isTrue();
				assertThat(engine.targetSize()).isOne();
			}
			raced = true;
		}
		finally {
			if (!raced) {
				submitter.interrupt();
			}
			join(submitter);
			engine.shutdown();
			assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
		assertThat(submitterFailure.get()).isNull();
		for (int i = 0; i < REPETITIONS; i++) {
			assertThat(runs.get(i)).as("runs of the task of repetition %d", i).isOne();
		}
		assertThat(policy.resizes.get()).as("shrinks to one and growths back").isEqualTo(2 * REPETITIONS);
		assertThat(liveThreadsNamed(PREFIX)).isEmpty();
	}

	private static void spin(long nanos) {
		long start = System.nanoTime();
		while (System.nanoTime() - start < nanos) {
			Thread.onSpinWait();
		}
	}

}
