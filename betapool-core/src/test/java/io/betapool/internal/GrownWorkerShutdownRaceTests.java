package io.betapool.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A pool that has just grown starts the new workers on the next submissions: a submission that is
 * creating one when {@code shutdown()} lands is refused, and a task queued behind it meanwhile must still
 * run. The pool's first worker exists from its creation; the new one here comes from a growth.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GrownWorkerShutdownRaceTests {

	@Test
	void aTaskQueuedWhileAGrownWorkerIsBeingCreatedStillRunsWhenShutdownIntervenes() throws Exception {
		String prefix = "grown-strand-";
		CountDownLatch inFactory = new CountDownLatch(1);
		CountDownLatch proceed = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		// the factory runs inside ThreadPoolExecutor.addWorker, after the worker was counted and before the
		// pool checks whether it still runs: holding the grown worker there opens the window deterministically
		ThreadFactory holdingTheSecondWorker = (body) -> {
			if (calls.incrementAndGet() == 2) {
				inFactory.countDown();
				awaitUninterruptibly(proceed);
			}
			return new Thread(body, prefix + calls.get());
		};
		PoolEngine engine = PoolEngine.start(new PoolEngine.Settings().name(prefix + "pool")
			.threadNamePrefix(prefix)
			.threadFactory(holdingTheSecondWorker)
			.bounds(1, 2)
			.monitorInterval(Duration.ofHours(1))
			.cpuProbe(() -> () -> Double.NaN)
			.policy(ScriptedPolicy.following(() -> 2)));
		CountDownLatch firstRunning = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		engine.executor().execute(() -> {
			firstRunning.countDown();
			awaitUninterruptibly(release);
		});
		await(firstRunning);
		// the pool grows to 2 with nothing queued: the second worker is made by the next submission
		engine.tickNow();
		AtomicReference<Throwable> secondOutcome = new AtomicReference<>();
		CountDownLatch queuedRan = new CountDownLatch(1);
		Thread second = new Thread(() -> {
			try {
				engine.executor().execute(() -> {
				});
			}
			catch (Throwable ex) {
				secondOutcome.set(ex);
			}
		}, "second-producer");
		try {
			second.start();
			await(inFactory);
			// the second worker counts, so this task is queued rather than given a worker of its own
			engine.executor().execute(queuedRan::countDown);
			engine.shutdown();
			proceed.countDown();
			join(second);
			assertThat(secondOutcome.get()).as("the task creating the worker, refused as the pool shut down")
				.isInstanceOf(RejectedExecutionException.class);
			release.countDown();
			assertThat(queuedRan.await(LONG_DELAY_MS, MILLISECONDS)).as("the accepted, queued task ran").isTrue();
			assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).as("terminated").isTrue();
		}
		finally {
			proceed.countDown();
			release.countDown();
			engine.shutdownNow();
			assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		try {
			await(latch);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
