package io.betapool.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import io.betapool.control.ControlSample;
import io.betapool.control.ScalingPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.await;
import static io.betapool.ConcurrencyTestSupport.join;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No task is lost or run twice while the pool is resized up and down under it, nor when
 * {@code shutdownNow} races the producers: 4 producers, 200 000 tasks, a policy that picks a random
 * size every 5 ms tick.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NothingLostTests {

	private static final int PRODUCERS = 4;

	private static final int TASKS = 200_000;

	private static final int PER_PRODUCER = TASKS / PRODUCERS;

	private static final int MAX_WORKERS = 16;

	/** Producers submit in chunks of this many tasks, the k-th chunk after the policy's k-th resize. */
	private static final int CHUNK = 1_000;

	private final List<PoolEngine> engines = new ArrayList<>();

	private final List<Thread> producers = new ArrayList<>();

	private final AtomicReference<Throwable> producerFailure = new AtomicReference<>();

	@AfterEach
	void stopEverything() throws InterruptedException {
		for (Thread producer : this.producers) {
			producer.interrupt();
		}
		join(this.producers.toArray(new Thread[0]));
		for (PoolEngine engine : this.engines) {
			engine.shutdownNow();
			assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
	}

	private PoolEngine start(String threadNamePrefix, RandomSizePolicy policy) {
		PoolEngine engine = PoolEngine.start(new PoolEngine.Settings().name(threadNamePrefix + "pool")
			.threadNamePrefix(threadNamePrefix)
			.bounds(1, MAX_WORKERS)
			.monitorInterval(Duration.ofMillis(5))
			.policy(policy));
		this.engines.add(engine);
		return engine;
	}

	private void startProducer(String name, Body body) {
		Thread producer = new Thread(() -> {
			try {
				body.run();
			}
			catch (Throwable ex) {
				this.producerFailure.compareAndSet(null, ex);
			}
		}, name);
		this.producers.add(producer);
		producer.start();
	}

	@Test
	void everyTaskRunsExactlyOnceWhileThePoolIsResizedUpAndDown() throws Exception {
		String prefix = "nothing-lost-";
		RandomSizePolicy policy = new RandomSizePolicy(20240601L);
		PoolEngine engine = start(prefix, policy);
		AtomicIntegerArray runs = new AtomicIntegerArray(TASKS);
		CountDownLatch allRan = new CountDownLatch(TASKS);
		CyclicBarrier go = new CyclicBarrier(PRODUCERS);
		for (int p = 0; p < PRODUCERS; p++) {
			int first = p * PER_PRODUCER;
			startProducer("producer-" + p, () -> {
				go.await(LONG_DELAY_MS, MILLISECONDS);
				for (int i = 0; i < PER_PRODUCER; i++) {
					if (i % CHUNK == 0) {
						// interleave submission with resizes: chunk k waits for the policy's k-th resize
						policy.awaitResizes(i / CHUNK);
					}
					engine.executor().execute(new Increment(runs, first + i, allRan));
				}
			});
		}
		join(this.producers.toArray(new Thread[0]));
		assertThat(this.producerFailure.get()).isNull();
		await(allRan);

		assertThat(ranOtherThanOnce(runs)).isEmpty();
		assertThat(policy.resizes.get()).as("resizes during the run").isGreaterThan(20);
		assertThat(policy.sizesSeen).as("pool sizes the controller saw").hasSizeGreaterThan(5);

		engine.shutdown();
		assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(engine.isTerminated()).isTrue();
		assertThat(ranOtherThanOnce(runs)).as("after termination").isEmpty();
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	@Test
	void producersRacingShutdownNowLoseNoTask() throws Exception {
		String prefix = "racing-shutdown-";
		RandomSizePolicy policy = new RandomSizePolicy(424242L);
		PoolEngine engine = start(prefix, policy);
		AtomicIntegerArray runs = new AtomicIntegerArray(TASKS);
		AtomicIntegerArray outcomes = new AtomicIntegerArray(TASKS);
		int accepted = 1;
		int rejected = 2;
		int beforeShutdown = PER_PRODUCER / 5;
		int afterShutdown = PER_PRODUCER - PER_PRODUCER / 5;
		CyclicBarrier racing = new CyclicBarrier(PRODUCERS + 1);
		CyclicBarrier shutDown = new CyclicBarrier(PRODUCERS + 1);
		for (int p = 0; p < PRODUCERS; p++) {
			int first = p * PER_PRODUCER;
			startProducer("producer-" + p, () -> {
				for (int i = 0; i < PER_PRODUCER; i++) {
					if (i < beforeShutdown && i % CHUNK == 0) {
						policy.awaitResizes(i / CHUNK);
					}
					if (i == beforeShutdown) {
						// from here on shutdownNow races this producer
						racing.await(LONG_DELAY_MS, MILLISECONDS);
					}
					if (i == afterShutdown) {
						// from here on shutdownNow has returned
						shutDown.await(LONG_DELAY_MS, MILLISECONDS);
					}
					int index = first + i;
					try {
						engine.executor().execute(new Increment(runs, index, null));
						outcomes.set(index, accepted);
					}
					catch (RejectedExecutionException ex) {
						outcomes.set(index, rejected);
					}
				}
			});
		}
		racing.await(LONG_DELAY_MS, MILLISECONDS);
		List<Runnable> neverStarted = engine.shutdownNow();
		shutDown.await(LONG_DELAY_MS, MILLISECONDS);
		join(this.producers.toArray(new Thread[0]));
		assertThat(this.producerFailure.get()).isNull();
		assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();

		int[] returned = new int[TASKS];
		for (Runnable task : neverStarted) {
			assertThat(task).isInstanceOf(Increment.class);
			returned[((Increment) task).index]++;
		}
		int acceptedCount = 0;
		int rejectedCount = 0;
		int ranCount = 0;
		Problems wrong = new Problems();
		for (int i = 0; i < TASKS; i++) {
			int outcome = outcomes.get(i);
			int ran = runs.get(i);
			if (outcome == accepted) {
				acceptedCount++;
				ranCount += ran;
				if (ran + returned[i] != 1) {
					wrong.add("accepted task " + i + " ran " + ran + " times, returned " + returned[i] + " times");
				}
			}
			else if (outcome == rejected) {
				rejectedCount++;
				if (ran != 0 || returned[i] != 0) {
					wrong.add("rejected task " + i + " ran " + ran + " times, returned " + returned[i] + " times");
				}
			}
			else {
				wrong.add("task " + i + " was neither accepted nor rejected");
			}
			int indexInProducer = i % PER_PRODUCER;
			if (indexInProducer < beforeShutdown && outcome != accepted) {
				wrong.add("task " + i + ", submitted before shutdownNow, was not accepted");
			}
			if (indexInProducer >= afterShutdown && outcome != rejected) {
				wrong.add("task " + i + ", submitted after shutdownNow, was not rejected");
			}
		}
		assertThat(wrong.count).as("tasks lost or run twice, first ones: %s", wrong.first).isZero();
		assertThat(acceptedCount + rejectedCount).isEqualTo(TASKS);
		assertThat(ranCount + neverStarted.size()).isEqualTo(acceptedCount);
		assertThat(rejectedCount).isGreaterThanOrEqualTo(PRODUCERS * (PER_PRODUCER - afterShutdown));
		assertThat(policy.resizes.get()).as("resizes before shutdownNow")
			.isGreaterThanOrEqualTo(beforeShutdown / CHUNK - 1);
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	private static List<String> ranOtherThanOnce(AtomicIntegerArray runs) {
		List<String> wrong = new ArrayList<>();
		for (int i = 0; i < runs.length() && wrong.size() < 20; i++) {
			if (runs.get(i) != 1) {
				wrong.add("task " + i + " ran " + runs.get(i) + " times");
			}
		}
		return wrong;
	}

	/** Counts problems and keeps the first few for the failure message. */
	private static final class Problems {

		final List<String> first = new ArrayList<>();

		int count;

		void add(String problem) {
			if (this.count++ < 20) {
				this.first.add(problem);
			}
		}

	}

	/** What a producer thread does. */
	@FunctionalInterface
	private interface Body {

		void run() throws Exception;

	}

	/** Counts its own runs in its own slot. */
	private static final class Increment implements Runnable {

		private final AtomicIntegerArray runs;

		final int index;

		private final CountDownLatch ran;

		Increment(AtomicIntegerArray runs, int index, CountDownLatch ran) {
			this.runs = runs;
			this.index = index;
			this.ran = ran;
		}

		@Override
		public void run() {
			this.runs.incrementAndGet(this.index);
			if (this.ran != null) {
				this.ran.countDown();
			}
		}

	}

	/**
	 * Picks a pseudo-random size in the sample's bounds at every tick and counts the ticks that changed
	 * the size; producers can wait for the k-th such change.
	 */
	private static final class RandomSizePolicy implements ScalingPolicy {

		private final SplittableRandom random;

		final AtomicInteger resizes = new AtomicInteger();

		final Set<Integer> sizesSeen = ConcurrentHashMap.newKeySet();

		/** One party, the policy, arriving at each resize: the phase is the number of resizes. */
		private final Phaser resized = new Phaser(1);

		RandomSizePolicy(long seed) {
			this.random = new SplittableRandom(seed);
		}

		@Override
		public ScalingDecision decide(ControlSample sample) {
			int before = sample.currentThreads();
			this.sizesSeen.add(before);
			int after = sample.minWorkers() + this.random.nextInt(sample.maxWorkers() - sample.minWorkers() + 1);
			ScalingAction action = (after > before) ? ScalingAction.SCALE_UP
					: (after < before) ? ScalingAction.SCALE_DOWN : ScalingAction.HOLD;
			if (after != before) {
				this.resizes.incrementAndGet();
				this.resized.arrive();
			}
			return new ScalingDecision(sample.timestamp(), before, after, sample.blockingRatio(), sample.cpuPercent(),
					sample.throughput(), action, "Random size " + after + " chosen by the test.");
		}

		@Override
		public double blockingRatioOf(ControlSample sample) {
			return sample.blockingRatio();
		}

		/** Waits until the policy has resized the pool at least {@code count} times. */
		void awaitResizes(int count) throws Exception {
			int phase = this.resized.getPhase();
			while (phase < count) {
				phase = this.resized.awaitAdvanceInterruptibly(phase, LONG_DELAY_MS, MILLISECONDS);
			}
		}

	}

}
