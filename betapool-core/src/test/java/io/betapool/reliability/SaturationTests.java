package io.betapool.reliability;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import io.betapool.AdaptiveThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.join;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 7: a bounded queue under saturation. Four producers flood a pool of two threads and a queue of
 * eight with tasks, half through {@code execute} and half through {@code submit}. Whatever the rejection
 * policy, every task is accepted or refused, never both, never lost: accepted ones run exactly once,
 * the handler is called exactly once per refused task, and no future is left hanging — discard policies
 * cancel the future of the task they drop.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SaturationTests {

	private static final int PRODUCERS = 4;

	private static final int PER_PRODUCER = 500;

	private static final int TASKS = PRODUCERS * PER_PRODUCER;

	/** The policies under test; each counting one records every task it is handed. */
	enum Handler {

		ABORT_BY_DEFAULT((calls) -> null),

		ABORT((calls) -> new ThreadPoolExecutor.AbortPolicy() {

			@Override
			public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
				calls.add(task);
				super.rejectedExecution(task, pool);
			}

		}),

		CALLER_RUNS((calls) -> new ThreadPoolExecutor.CallerRunsPolicy() {

			@Override
			public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
				calls.add(task);
				super.rejectedExecution(task, pool);
			}

		}),

		DISCARD((calls) -> new ThreadPoolExecutor.DiscardPolicy() {

			@Override
			public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
				calls.add(task);
				super.rejectedExecution(task, pool);
			}

		}),

		/** The JDK's own: the pool carries out its rule itself, cancelling the future it drops. */
		DISCARD_OLDEST((calls) -> new ThreadPoolExecutor.DiscardOldestPolicy()),

		/** A handler of the application's own that drops the task and cancels it if it is a future. */
		CUSTOM((calls) -> (task, pool) -> {
			calls.add(task);
			if (task instanceof Future<?> future) {
				future.cancel(false);
			}
		});

		private final Function<Queue<Runnable>, RejectedExecutionHandler> factory;

		Handler(Function<Queue<Runnable>, RejectedExecutionHandler> factory) {
			this.factory = factory;
		}

		boolean counts() {
			return this != ABORT_BY_DEFAULT && this != DISCARD_OLDEST;
		}

		boolean throwsOnRefusal() {
			return this == ABORT_BY_DEFAULT || this == ABORT;
		}

	}

	@ParameterizedTest
	@EnumSource(Handler.class)
	void aSaturatedBoundedQueueCallsTheRejectionPolicyOncePerRefusedTaskAndLeavesNoFutureHanging(Handler handler)
			throws Exception {
		Queue<Runnable> calls = new ConcurrentLinkedQueue<>();
		Flood flood = flood("saturation-" + handler + "-", handler.factory.apply(calls));

		int refused = 0;
		int ranByCaller = 0;
		List<String> wrong = new ArrayList<>();
		Map<Runnable, Integer> callsPerTask = new IdentityHashMap<>();
		for (Runnable call : calls) {
			callsPerTask.merge(call, 1, Integer::sum);
		}
		for (int i = 0; i < TASKS; i++) {
			int ran = flood.runs.get(i);
			Future<?> future = flood.futures.get(i);
			Runnable asSubmitted = (i % 2 == 0) ? flood.probes.get(i) : (Runnable) future;
			int handled = (asSubmitted != null) ? callsPerTask.getOrDefault(asSubmitted, 0) : 0;
			boolean refusedByException = flood.refusedByException.get(i) == 1;
			if (future != null && !future.isDone()) {
				wrong.add("future of task " + i + " left pending");
			}
			if (ran > 1) {
				wrong.add("task " + i + " ran " + ran + " times");
			}
			if (handled > 1) {
				wrong.add("the handler was called " + handled + " times for task " + i);
			}
			if (handler == Handler.CALLER_RUNS) {
				if (ran != 1) {
					wrong.add("task " + i + " ran " + ran + " times under caller-runs");
				}
				if (flood.ranByCaller.get(i) == 1) {
					ranByCaller++;
					if (handled != 1) {
						wrong.add("task " + i + " ran in its caller but the handler saw it " + handled + " times");
					}
				}
				continue;
			}
			if (ran == 1) {
				if (handled != 0 || refusedByException) {
					wrong.add("task " + i + " ran but was also refused");
				}
				continue;
			}
			refused++;
			if (handler.throwsOnRefusal() != refusedByException) {
				wrong.add("task " + i + " never ran; refused with an exception: " + refusedByException);
			}
			if (handler.counts() && !handler.throwsOnRefusal() && handled != 1) {
				wrong.add("task " + i + " never ran, yet the handler saw it " + handled + " times");
			}
			if (future != null && !future.isCancelled()) {
				wrong.add("the future of dropped task " + i + " is not cancelled");
			}
		}
		assertThat(wrong).as("first problems of %d", wrong.size()).isEmpty();
		if (handler == Handler.CALLER_RUNS) {
			assertThat(ranByCaller).as("tasks run by their caller").isPositive().isEqualTo(calls.size());
		}
		else {
			assertThat(refused).as("refused tasks").isPositive();
			if (handler.counts()) {
				assertThat(calls).as("handler calls, one per refused task").hasSize(refused);
			}
			if (handler.throwsOnRefusal()) {
				assertThat(flood.exceptions.get()).isEqualTo(refused);
			}
		}
		assertThat(liveThreadsNamed(flood.prefix)).isEmpty();
	}

	@Test
	void aSubclassOfDiscardOldestPolicyIsCalledOncePerRefusedTask() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		RejectedExecutionHandler counting = new ThreadPoolExecutor.DiscardOldestPolicy() {

			@Override
			public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
				calls.incrementAndGet();
				super.rejectedExecution(task, pool);
			}

		};
		Flood flood = flood("saturation-discard-oldest-counted-", counting);
		int neverRan = 0;
		for (int i = 0; i < TASKS; i++) {
			neverRan += (flood.runs.get(i) == 0) ? 1 : 0;
			Future<?> future = flood.futures.get(i);
			if (future != null) {
				assertThat(future.isDone()).as("future of task %d done", i).isTrue();
			}
		}
		assertThat(neverRan).isPositive();
		// every dropped task was dropped by a call; a call may also find the queue drained and drop nothing
		assertThat(calls.get()).as("handler calls, at least one per dropped task").isGreaterThanOrEqualTo(neverRan);
	}

	/**
	 * Floods a pool of two threads and a queue of eight from four producers, then shuts it down and waits
	 * for it to terminate. Even tasks are executed, odd ones submitted.
	 */
	private Flood flood(String prefix, RejectedExecutionHandler handler) throws Exception {
		AdaptiveThreadPoolExecutor.Builder builder = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(2)
			.maxWorkers(2)
			.queueCapacity(8)
			.threadNamePrefix(prefix);
		if (handler != null) {
			builder.rejectedExecutionHandler(handler);
		}
		AdaptiveThreadPoolExecutor executor = builder.build();
		Flood flood = new Flood(prefix);
		CyclicBarrier go = new CyclicBarrier(PRODUCERS);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> producers = new ArrayList<>();
		try {
			for (int p = 0; p < PRODUCERS; p++) {
				int first = p * PER_PRODUCER;
				Thread producer = new Thread(() -> {
					try {
						go.await(LONG_DELAY_MS, MILLISECONDS);
						for (int i = first; i < first + PER_PRODUCER; i++) {
							Probe probe = new Probe(i, flood, prefix);
							try {
								if (i % 2 == 0) {
									flood.probes.set(i, probe);
									executor.execute(probe);
								}
								else {
									flood.futures.set(i, executor.submit(probe));
								}
							}
							catch (RejectedExecutionException ex) {
								flood.refusedByException.set(i, 1);
								flood.exceptions.incrementAndGet();
							}
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
			assertThat(failure.get()).isNull();
		}
		finally {
			executor.shutdown();
			assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
		return flood;
	}

	/** What became of the tasks of a flood, by index. */
	private static final class Flood {

		final String prefix;

		final AtomicIntegerArray runs = new AtomicIntegerArray(TASKS);

		final AtomicIntegerArray ranByCaller = new AtomicIntegerArray(TASKS);

		final AtomicIntegerArray refusedByException = new AtomicIntegerArray(TASKS);

		final AtomicInteger exceptions = new AtomicInteger();

		final AtomicReferenceArray<Probe> probes = new AtomicReferenceArray<>(TASKS);

		final AtomicReferenceArray<Future<?>> futures = new AtomicReferenceArray<>(TASKS);

		Flood(String prefix) {
			this.prefix = prefix;
		}

	}

	/** Counts its runs, notes whether a producer ran it, and holds its thread for 50 µs. */
	private static final class Probe implements Runnable {

		private final int index;

		private final Flood flood;

		private final String poolPrefix;

		Probe(int index, Flood flood, String poolPrefix) {
			this.index = index;
			this.flood = flood;
			this.poolPrefix = poolPrefix;
		}

		@Override
		public void run() {
			this.flood.runs.incrementAndGet(this.index);
			if (!Thread.currentThread().getName().startsWith(this.poolPrefix)) {
				this.flood.ranByCaller.set(this.index, 1);
			}
			LockSupport.parkNanos(50_000);
		}

	}

}
