package io.betapool.reliability;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

import io.betapool.AdaptiveThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.await;
import static io.betapool.ConcurrencyTestSupport.join;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 6: a {@link ThreadFactory} that throws, returns {@code null} or returns a thread it already
 * started, on every call or on every other call, loses no task and the pool still terminates. Some tasks
 * kill their worker, so that the pool asks the factory again while work is queued.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ThreadFactoryFaultTests {

	private static final int TASKS = 2_000;

	/** Every this many tasks one throws and kills its worker. */
	private static final int KILLER_EVERY = 250;

	enum Misbehaviour {

		THROWS, RETURNS_NULL, RETURNS_A_STARTED_THREAD

	}

	static Stream<Arguments> misbehaviours() {
		return Stream.of(Misbehaviour.values())
			.flatMap((misbehaviour) -> Stream.of(Arguments.of(misbehaviour, 1), Arguments.of(misbehaviour, 2)));
	}

	@ParameterizedTest(name = "{0} on one call in {1}")
	@MethodSource("misbehaviours")
	void aThreadFactoryThatMisbehavesLosesNoTaskAndThePoolStillTerminates(Misbehaviour misbehaviour, int oneCallIn)
			throws Exception {
		String prefix = "factory-fault-" + misbehaviour + "-" + oneCallIn + "-";
		String ownPrefix = "factory-made-";
		Queue<Thread> rogues = new ConcurrentLinkedQueue<>();
		AtomicInteger calls = new AtomicInteger();
		AtomicInteger misbehaved = new AtomicInteger();
		ThreadFactory factory = (body) -> {
			int call = calls.incrementAndGet();
			if (call % oneCallIn != 0) {
				Thread thread = new Thread(body, ownPrefix + call);
				thread.setUncaughtExceptionHandler((dying, ex) -> {
					// the killer tasks' exceptions are expected
				});
				return thread;
			}
			misbehaved.incrementAndGet();
			return switch (misbehaviour) {
				case THROWS -> throw new IllegalStateException("factory failure expected by the test");
				case RETURNS_NULL -> null;
				case RETURNS_A_STARTED_THREAD -> {
					Thread rogue = new Thread(body, "rogue-" + call);
					rogue.start();
					rogues.add(rogue);
					yield rogue;
				}
			};
		};
		AdaptiveThreadPoolExecutor executor = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(2)
			.maxWorkers(2)
			.threadNamePrefix(prefix)
			.threadFactory(factory)
			.build();
		AtomicIntegerArray runs = new AtomicIntegerArray(TASKS);
		CountDownLatch allRan = new CountDownLatch(TASKS);
		try {
			for (int i = 0; i < TASKS; i++) {
				int index = i;
				executor.execute(() -> {
					runs.incrementAndGet(index);
					allRan.countDown();
					if (index % KILLER_EVERY == KILLER_EVERY - 1) {
						throw new KillerException();
					}
				});
			}
			await(allRan);
		}
		finally {
			executor.shutdown();
			assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).as("terminated").isTrue();
		}
		for (int i = 0; i < TASKS; i++) {
			assertThat(runs.get(i)).as("runs of task %d", i).isOne();
		}
		assertThat(misbehaved.get()).as("calls on which the factory misbehaved").isPositive();
		join(rogues.toArray(new Thread[0]));
		assertThat(liveThreadsNamed(prefix)).isEmpty();
		assertThat(liveThreadsNamed(ownPrefix)).isEmpty();
		assertThat(liveThreadsNamed("rogue-")).isEmpty();
	}

	@Test
	void aThreadFactoryThatThrowsAnErrorLosesNoTaskAndThePoolStillTerminates() throws Exception {
		String prefix = "factory-error-";
		AtomicInteger calls = new AtomicInteger();
		ThreadFactory factory = (body) -> {
			if (calls.incrementAndGet() > 1) {
				throw new AssertionError("factory error expected by the test");
			}
			Thread thread = new Thread(body, prefix + "first");
			thread.setUncaughtExceptionHandler((dying, ex) -> {
				// the killer task's exception and the factory's error are expected
			});
			return thread;
		};
		AdaptiveThreadPoolExecutor executor = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(1)
			.maxWorkers(1)
			.threadNamePrefix(prefix)
			.threadFactory(factory)
			.build();
		CountDownLatch queued = new CountDownLatch(1);
		CountDownLatch queuedTaskRan = new CountDownLatch(1);
		try {
			// the only worker dies once the second task is queued; the pool must replace it to run that task
			executor.execute(() -> {
				awaitUninterruptibly(queued);
				throw new KillerException();
			});
			executor.execute(queuedTaskRan::countDown);
			queued.countDown();
			await(queuedTaskRan);
		}
		finally {
			executor.shutdownNow();
			assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).as("terminated").isTrue();
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

	/** Thrown by a task on purpose, to kill its worker. */
	private static final class KillerException extends RuntimeException {

		KillerException() {
			super("killer task expected by the test");
		}

	}

}
