package io.betapool.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.Policy;
import io.betapool.TaskMetrics;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY;
import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.join;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Fault 5: what a task throws, a {@link RuntimeException} or an {@link Error}, reaches its future
 * ({@code submit}) or the worker's uncaught-exception handler ({@code execute}); a worker killed by a
 * throwing task is replaced; the counters count every task, failed ones included.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ThrowingTasksTests {

	private static final int EACH = 10;

	private static final int WORKERS = 2;

	@ParameterizedTest
	@EnumSource(Policy.class)
	void throwingTasksReachTheirFutureOrTheUncaughtExceptionHandlerTheWorkerIsReplacedAndCountersStayRight(
			Policy policy) throws Exception {
		String prefix = "throwing-" + policy + "-";
		Queue<Uncaught> uncaught = new ConcurrentLinkedQueue<>();
		Queue<Thread> created = new ConcurrentLinkedQueue<>();
		AtomicInteger sequence = new AtomicInteger();
		ThreadFactory factory = (body) -> {
			Thread thread = new Thread(body, prefix + sequence.incrementAndGet());
			thread.setUncaughtExceptionHandler((dying, ex) -> uncaught.add(new Uncaught(dying, ex)));
			created.add(thread);
			return thread;
		};
		Queue<TaskMetrics> records = new ConcurrentLinkedQueue<>();
		AdaptiveThreadPoolExecutor executor = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(WORKERS)
			.maxWorkers(WORKERS)
			.threadNamePrefix(prefix)
			.config(ControllerConfig.builder().policy(policy).build())
			.threadFactory(factory)
			.taskMetricsListener(records::add)
			.build();
		List<Throwable> thrownByExecuted = new ArrayList<>();
		List<Throwable> thrownBySubmitted = new ArrayList<>();
		List<Future<?>> failedFutures = new ArrayList<>();
		List<Future<String>> succeededFutures = new ArrayList<>();
		AtomicInteger succeededExecutes = new AtomicInteger();
		try {
			for (int i = 0; i < EACH; i++) {
				RuntimeException runtime = new IllegalStateException("executed runtime exception " + i);
				Error error = new TaskError("executed error " + i);
				thrownByExecuted.add(runtime);
				thrownByExecuted.add(error);
				executor.execute(() -> {
					throw runtime;
				});
				executor.execute(() -> {
					throw error;
				});
				executor.execute(succeededExecutes::incrementAndGet);

				RuntimeException submittedRuntime = new IllegalArgumentException("submitted runtime exception " + i);
				Error submittedError = new TaskError("submitted error " + i);
				thrownBySubmitted.add(submittedRuntime);
				thrownBySubmitted.add(submittedError);
				failedFutures.add(executor.submit(() -> {
					throw submittedRuntime;
				}));
				failedFutures.add(executor.submit((Runnable) () -> {
					throw submittedError;
				}));
				succeededFutures.add(executor.submit(() -> "ok"));
			}

			for (int i = 0; i < failedFutures.size(); i++) {
				Throwable expected = thrownBySubmitted.get(i);
				Future<?> future = failedFutures.get(i);
				assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(LONG_DELAY_MS, MILLISECONDS))
					.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(expected));
			}
			for (Future<String> future : succeededFutures) {
				assertThat(future.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("ok");
			}
			await().atMost(LONG_DELAY).until(() -> uncaught.size() >= thrownByExecuted.size());
			assertThat(uncaught.stream().map(Uncaught::thrown).toList())
				.as("what executed tasks threw, each exactly once and nothing a submitted task threw")
				.usingElementComparator((a, b) -> (a == b) ? 0 : 1)
				.containsExactlyInAnyOrderElementsOf(thrownByExecuted);

			// every worker a throwing task killed has ended, and the pool is back to its size with new workers
			List<Thread> killed = uncaught.stream().map(Uncaught::thread).distinct().toList();
			assertThat(killed).hasSize(thrownByExecuted.size());
			join(killed.toArray(new Thread[0]));
			await().atMost(LONG_DELAY).until(() -> executor.getCurrentThreadCount() == WORKERS);
			Thread servedBy = executor.submit(Thread::currentThread).get(LONG_DELAY_MS, MILLISECONDS);
			assertThat(servedBy.isAlive()).isTrue();
			assertThat(killed).doesNotContain(servedBy);
			assertThat(created).hasSizeGreaterThanOrEqualTo(WORKERS + thrownByExecuted.size());
		}
		finally {
			executor.shutdown();
			assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
		int tasks = 6 * EACH + 1;
		int failed = 4 * EACH;
		assertThat(succeededExecutes).hasValue(EACH);
		assertThat(executor.getMetrics().totalTasks()).as("tasks counted, failed ones included").isEqualTo(tasks);
		assertThat(records).hasSize(tasks);
		assertThat(records.stream().filter((record) -> !record.success())).hasSize(failed)
			.allMatch((record) -> record.errorMessage() != null
					&& (record.errorMessage().contains(" exception ") || record.errorMessage().contains(" error ")));
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	private record Uncaught(Thread thread, Throwable thrown) {
	}

	/** An {@link Error} thrown by a task on purpose. */
	private static final class TaskError extends Error {

		TaskError(String message) {
			super(message);
		}

	}

}
