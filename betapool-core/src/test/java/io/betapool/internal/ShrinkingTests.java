package io.betapool.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.betapool.Gate;
import io.betapool.GatedTask;
import io.betapool.reliability.ScriptedPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY;
import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.SHORT_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.await;
import static io.betapool.ConcurrencyTestSupport.join;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 3: shrinking never interrupts a busy worker and the pool never drops below its minimum; no
 * thread remains after termination. The test ticks the controller itself, so every resize happens at a
 * moment it chose.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ShrinkingTests {

	private static final int MIN = 2;

	private static final int MAX = 8;

	private final List<PoolEngine> engines = new ArrayList<>();

	@AfterEach
	void stopEngines() throws InterruptedException {
		for (PoolEngine engine : this.engines) {
			engine.shutdownNow();
			assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
	}

	private PoolEngine start(String prefix, ScriptedPolicy policy) {
		PoolEngine engine = PoolEngine.start(new PoolEngine.Settings().name(prefix + "pool")
			.threadNamePrefix(prefix)
			.bounds(MIN, MAX)
			.monitorInterval(Duration.ofHours(1))
			.cpuProbe(() -> () -> Double.NaN)
			.policy(policy));
		this.engines.add(engine);
		return engine;
	}

	/** The pool's thread count, read while work was queued before and after; -1 when it was not. */
	private static int threadsWhileQueued(PoolEngine engine) {
		if (engine.queueSize() == 0) {
			return -1;
		}
		int threads = engine.threadCount();
		return (engine.queueSize() > 0) ? threads : -1;
	}

	/**
	 * The most threads the pool had while work stayed queued over the next {@code SHORT_DELAY_MS}, or
	 * {@link Integer#MAX_VALUE} if the queue emptied meanwhile: only a shortfall that lasts while work
	 * waits comes out below the minimum.
	 */
	private static int lastingThreadCount(PoolEngine engine) {
		int most = 0;
		long end = System.nanoTime() + MILLISECONDS.toNanos(SHORT_DELAY_MS);
		while (System.nanoTime() - end < 0) {
			int threads = threadsWhileQueued(engine);
			if (threads < 0) {
				return Integer.MAX_VALUE;
			}
			most = Math.max(most, threads);
		}
		return most;
	}

	@Test
	void shrinkingNeverInterruptsABusyWorkerAndBusyWorkersAboveTheSizeRetireOnlyAfterTheirTask() throws Exception {
		String prefix = "shrink-busy-";
		AtomicInteger size = new AtomicInteger(MAX);
		PoolEngine engine = start(prefix, ScriptedPolicy.following(size::get));
		engine.tickNow();
		Gate gate = new Gate(MAX);
		List<GatedTask> busy = new ArrayList<>();
		for (int i = 0; i < MAX; i++) {
			busy.add(gate.task("busy-" + i));
			engine.executor().execute(busy.get(i));
		}
		gate.awaitStarted();
		CountDownLatch queuedRan = new CountDownLatch(MAX);
		for (int i = 0; i < MAX; i++) {
			engine.executor().execute(queuedRan::countDown);
		}
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 200; i++) {
			size.set((i % 2 == 0) ? MIN : MIN + random.nextInt(MAX - MIN + 1));
			engine.tickNow();
			assertThat(engine.threadCount()).as("threads while all are busy").isEqualTo(MAX);
		}
		size.set(MIN);
		engine.tickNow();
		assertThat(engine.targetSize()).isEqualTo(MIN);
		Thread.sleep(SHORT_DELAY_MS);
		assertThat(gate.interrupted).as("busy tasks interrupted by shrinking").hasValue(0);
		assertThat(engine.queueSize()).isEqualTo(MAX);

		gate.open();
		await(queuedRan);
		for (GatedTask task : busy) {
			await(task.ended);
		}
		assertThat(gate.finished).hasValue(MAX);
		assertThat(gate.interrupted).hasValue(0);
		await().atMost(LONG_DELAY).until(() -> engine.threadCount() == MIN);

		engine.shutdown();
		assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	@Test
	void whileWorkIsQueuedThePoolNeverDropsBelowItsMinimumAndNoTaskSeesAnInterrupt() throws Exception {
		String prefix = "shrink-min-";
		SplittableRandom sizes = new SplittableRandom(5);
		// every other tick shrinks to the minimum
		ScriptedPolicy policy = ScriptedPolicy.of((tick, sample) -> (tick % 2 == 0) ? MIN
				: MIN + sizes.nextInt(MAX - MIN + 1));
		PoolEngine engine = start(prefix, policy);
		int tasks = 60_000;
		Semaphore inFlight = new Semaphore(2_000);
		AtomicInteger interrupted = new AtomicInteger();
		CountDownLatch allRan = new CountDownLatch(tasks);
		AtomicBoolean done = new AtomicBoolean();
		AtomicLong samples = new AtomicLong();
		AtomicLong transientDips = new AtomicLong();
		AtomicInteger fewestThreads = new AtomicInteger(Integer.MAX_VALUE);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread producer = new Thread(() -> {
			try {
				for (int i = 0; i < tasks; i++) {
					inFlight.acquire();
					engine.executor().execute(() -> {
						LockSupport.parkNanos(10_000);
						if (Thread.currentThread().isInterrupted()) {
							interrupted.incrementAndGet();
						}
						inFlight.release();
						allRan.countDown();
					});
				}
			}
			catch (Throwable ex) {
				failure.compareAndSet(null, ex);
			}
		}, "producer");
		Thread resizer = new Thread(() -> {
			try {
				while (!done.get()) {
					engine.tickNow();
					LockSupport.parkNanos(200_000);
				}
			}
			catch (Throwable ex) {
				failure.compareAndSet(null, ex);
			}
		}, "resizer");
		Thread sampler = new Thread(() -> {
			while (!done.get()) {
				int threads = threadsWhileQueued(engine);
				if (threads < 0) {
					continue;
				}
				samples.incrementAndGet();
				if (threads < MIN) {
					// ThreadPoolExecutor counts a worker it is still starting but lists it only once started,
					// so getPoolSize() can be one short for an instant: only a shortfall that lasts counts
					transientDips.incrementAndGet();
					threads = Math.max(threads, lastingThreadCount(engine));
				}
				fewestThreads.accumulateAndGet(threads, Math::min);
			}
		}, "sampler");
		producer.start();
		resizer.start();
		sampler.start();
		try {
			join(producer);
			await(allRan);
		}
		finally {
			done.set(true);
			join(resizer, sampler);
		}
		assertThat(failure.get()).isNull();
		assertThat(interrupted).as("tasks that saw an interrupt").hasValue(0);
		assertThat(samples.get()).as("samples taken while work was queued").isGreaterThan(100);
		assertThat(fewestThreads.get())
			.as("fewest threads while work was queued, for %d ms (%d instants below %d)", SHORT_DELAY_MS,
					transientDips.get(), MIN)
			.isGreaterThanOrEqualTo(MIN);
		assertThat(policy.sizesSeen).contains(MIN);
		assertThat(policy.resizes.get()).isGreaterThan(20);

		engine.shutdown();
		assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(engine.isTerminated()).isTrue();
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

}
