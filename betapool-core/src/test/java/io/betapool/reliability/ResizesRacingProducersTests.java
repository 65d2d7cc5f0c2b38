package io.betapool.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.betapool.internal.PoolEngine;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.join;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 1: resizes racing with submissions from 8 producers, down to the minimum and back up to the
 * maximum, lose no task: every accepted task runs exactly once, every refused one gets exactly one
 * rejection and never runs, and accepted + refused = submitted.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ResizesRacingProducersTests {

	private static final int PRODUCERS = 8;

	private static final int PER_PRODUCER = 40_000;

	private static final int TASKS = PRODUCERS * PER_PRODUCER;

	private static final int MIN = 1;

	private static final int MAX = 16;

	/** Producers submit in chunks of this many tasks, the k-th chunk after the policy's k-th decision. */
	private static final int CHUNK = 500;

	@ParameterizedTest(name = "queue capacity {0}")
	@ValueSource(ints = { Integer.MAX_VALUE, 64 })
	void resizesRacingEightProducersDownToTheMinimumAndBackLoseNoTask(int queueCapacity) throws Exception {
		String prefix = "resize-race-";
		SplittableRandom random = new SplittableRandom(queueCapacity);
		// every other tick goes to a bound, alternately the minimum and the maximum; the ticks between are random
		ScriptedPolicy policy = ScriptedPolicy.of((tick, sample) -> switch (tick % 4) {
			case 0 -> MIN;
			case 2 -> MAX;
			default -> MIN + random.nextInt(MAX - MIN + 1);
		});
		AtomicIntegerArray runs = new AtomicIntegerArray(TASKS);
		AtomicIntegerArray rejections = new AtomicIntegerArray(TASKS);
		RejectedExecutionHandler counting = (task, pool) -> rejections.incrementAndGet(((Numbered) task).index);
		PoolEngine engine = PoolEngine.start(new PoolEngine.Settings().name(prefix + "pool")
			.threadNamePrefix(prefix)
			.bounds(MIN, MAX)
			.queueCapacity(queueCapacity)
			.rejectedExecutionHandler(counting)
			.monitorInterval(Duration.ofMillis(2))
			.cpuProbe(() -> () -> Double.NaN)
			.policy(policy));
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CyclicBarrier go = new CyclicBarrier(PRODUCERS);
		List<Thread> producers = new ArrayList<>();
		try {
			for (int p = 0; p < PRODUCERS; p++) {
				int first = p * PER_PRODUCER;
				Thread producer = new Thread(() -> {
					try {
						go.await(LONG_DELAY_MS, MILLISECONDS);
						for (int i = 0; i < PER_PRODUCER; i++) {
							if (i % CHUNK == 0) {
								policy.awaitDecisions(i / CHUNK);
							}
							engine.executor().execute(new Numbered(first + i, runs));
						}
					}
					catch (Throwable ex) {
						failure.compareAndSet(null, ex);
					}
				}, "producer-" + p);
				producers.add(producer);
				producer.start();
			}
			join(producers.toArray(new Thread[0]));
			assertThat(failure.get()).as("producer failure").isNull();
		}
		finally {
			engine.shutdown();
			assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}

		int accepted = 0;
		int refused = 0;
		List<String> wrong = new ArrayList<>();
		for (int i = 0; i < TASKS; i++) {
			int ran = runs.get(i);
			int rejected = rejections.get(i);
			if (rejected == 0 && ran == 1) {
				accepted++;
			}
			else if (rejected == 1 && ran == 0) {
				refused++;
			}
			else if (wrong.size() < 20) {
				wrong.add("task " + i + " ran " + ran + " times and was rejected " + rejected + " times");
			}
		}
		assertThat(wrong).as("tasks lost, run twice or rejected twice").isEmpty();
		assertThat(accepted + refused).isEqualTo(TASKS);
		if (queueCapacity == Integer.MAX_VALUE) {
			assertThat(refused).isZero();
		}
		assertThat(policy.sizesSeen).as("sizes the pool had at a tick").contains(MIN, MAX);
		assertThat(policy.resizes.get()).as("resizes while the producers ran").isGreaterThan(PER_PRODUCER / CHUNK / 2);
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	/** Counts its own runs in its own slot; now and then parks briefly so that work queues up. */
	private static final class Numbered implements Runnable {

		final int index;

		private final AtomicIntegerArray runs;

		Numbered(int index, AtomicIntegerArray runs) {
			this.index = index;
			this.runs = runs;
		}

		@Override
		public void run() {
			this.runs.incrementAndGet(this.index);
			if (this.index % 64 == 0) {
				LockSupport.parkNanos(20_000);
			}
		}

	}

}
