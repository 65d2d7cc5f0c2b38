package io.betapool.reliability;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.betapool.Gate;
import io.betapool.GatedTask;
import io.betapool.PoolKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY;
import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.join;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Fault 8: {@code invokeAll} and {@code invokeAny}, timed and untimed, under {@code shutdownNow()} or an
 * interrupt of their caller, neither hang nor leak tasks: the caller returns or throws, every task that
 * started is interrupted, every task that had not started never starts, and the pool is left with no
 * task running or queued.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InvokeUnderShutdownTests {

	private static final int TASKS = 8;

	/** The pools of {@link PoolKind} run two threads while no task completes. */
	private static final int RUNNING = 2;

	private final TrackedExecutors executors = new TrackedExecutors();

	static Stream<Arguments> kindsAndCalls() {
		return Stream.of(PoolKind.values())
			.flatMap((kind) -> Stream.of(Invocation.values()).map((call) -> Arguments.of(kind, call)));
	}

	@AfterEach
	void shutDownExecutors() throws InterruptedException {
		this.executors.shutDownAll();
	}

	private ExecutorService create(PoolKind kind) {
		return this.executors.create(kind);
	}

	@ParameterizedTest(name = "{1} on {0}")
	@MethodSource("kindsAndCalls")
	void invokeUnderShutdownNowNeitherHangsNorLeaksTasks(PoolKind kind, Invocation call) throws Exception {
		ExecutorService executor = create(kind);
		Blocked blocked = Blocked.invoke(executor, call);

		List<Runnable> neverStarted = executor.shutdownNow();

		join(blocked.invoker);
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(neverStarted).hasSize(TASKS - RUNNING).allMatch((task) -> ((Future<?>) task).isCancelled());
		Object outcome = blocked.outcome.get();
		if (call.all()) {
			assertThat(outcome).isInstanceOf(List.class);
			List<?> futures = (List<?>) outcome;
			assertThat(futures).hasSize(TASKS);
			for (int i = 0; i < TASKS; i++) {
				Future<?> future = (Future<?>) futures.get(i);
				assertThat(future.isDone()).isTrue();
				if (blocked.tasks.get(i).started) {
					assertThatExceptionOfType(ExecutionException.class).isThrownBy(future::get)
						.withCauseInstanceOf(InterruptedException.class);
				}
				else {
					assertThat(future.isCancelled()).isTrue();
				}
			}
		}
		else {
			assertThat(outcome).isInstanceOf(ExecutionException.class);
		}
		// shutdownNow drains the queue before it interrupts the workers, so no queued task starts
		blocked.assertNoTaskLeft(RUNNING, RUNNING);
	}

	@ParameterizedTest(name = "{1} on {0}")
	@MethodSource("kindsAndCalls")
	void anInterruptedInvokeThrowsInterruptedExceptionAndLeavesNoTaskRunningOrQueued(PoolKind kind, Invocation call)
			throws Exception {
		ExecutorService executor = create(kind);
		Blocked blocked = Blocked.invoke(executor, call);

		blocked.invoker.interrupt();

		join(blocked.invoker);
		assertThat(blocked.outcome.get()).isInstanceOf(InterruptedException.class);
		ThreadPoolExecutor view = PoolKind.view(executor);
		await().atMost(LONG_DELAY).until(() -> view.getActiveCount() == 0 && view.getQueue().isEmpty());
		// cancelling goes through the tasks in order, so a worker freed by the first may start a queued task
		// before its turn comes: it is then interrupted like the others
		blocked.assertNoTaskLeft(RUNNING, TASKS);
		assertThat(executor.submit(() -> "still serving").get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("still serving");
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void invokeRacingShutdownNowNeverHangs(PoolKind kind) throws Exception {
		SplittableRandom random = new SplittableRandom(kind.ordinal());
		int[] outcomes = new int[4];
		for (int round = 0; round < 100; round++) {
			ExecutorService executor = kind.create();
			Invocation call = Invocation.values()[round % Invocation.values().length];
			List<Callable<String>> tasks = IntStream.range(0, 6).<Callable<String>>mapToObj((i) -> () -> {
				LockSupport.parkNanos(20_000L * i);
				return "task-" + i;
			}).toList();
			AtomicReference<Object> outcome = new AtomicReference<>();
			Thread invoker = new Thread(() -> {
				try {
					outcome.set(call.invoke(executor, tasks));
				}
				catch (Throwable ex) {
					outcome.set(ex);
				}
			}, "invoker");
			invoker.start();
			LockSupport.parkNanos(random.nextLong(200_000));
			executor.shutdownNow();
			join(invoker);
			assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).as("round %d terminated", round)
				.isTrue();
			Object result = outcome.get();
			if (result instanceof List<?> futures) {
				assertThat(call.all()).isTrue();
				assertThat(futures).hasSize(tasks.size()).allMatch((future) -> ((Future<?>) future).isDone());
				outcomes[0]++;
			}
			else if (result instanceof String) {
				assertThat(call.all()).isFalse();
				outcomes[1]++;
			}
			else if (result instanceof ExecutionException) {
				assertThat(call.all()).isFalse();
				outcomes[2]++;
			}
			else {
				assertThat(result).as("round %d: %s", round, call).isInstanceOf(RejectedExecutionException.class);
				outcomes[3]++;
			}
		}
		assertThat(outcomes[0] + outcomes[1] + outcomes[2] + outcomes[3]).isEqualTo(100);
	}

	/**
	 * An invocation of {@link #TASKS} gated tasks on a pool of two threads, from a thread of its own, caught
	 * once two tasks run, the rest are queued and the invoker waits.
	 */
	private static final class Blocked {

		final Gate gate = new Gate(RUNNING);

		final List<GatedTask> tasks = IntStream.range(0, TASKS).mapToObj((i) -> this.gate.task("task-" + i)).toList();

		final AtomicReference<Object> outcome = new AtomicReference<>();

		Thread invoker;

		static Blocked invoke(ExecutorService executor, Invocation call) throws InterruptedException {
			Blocked blocked = new Blocked();
			blocked.invoker = new Thread(() -> {
				try {
					blocked.outcome.set(call.invoke(executor, blocked.tasks));
				}
				catch (Throwable ex) {
					blocked.outcome.set(ex);
				}
			}, "invoker");
			blocked.invoker.start();
			blocked.gate.awaitStarted();
			ThreadPoolExecutor view = PoolKind.view(executor);
			await().atMost(LONG_DELAY)
				.until(() -> view.getQueue().size() == TASKS - RUNNING && isWaiting(blocked.invoker));
			return blocked;
		}

		private static boolean isWaiting(Thread thread) {
			Thread.State state = thread.getState();
			return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
		}

		/** No task finished, and every one that started, between the given numbers of them, was interrupted. */
		void assertNoTaskLeft(int fewestStarted, int mostStarted) {
			assertThat(this.gate.finished).hasValue(0);
			assertThat(this.tasks.stream().filter((task) -> task.started).count()).isBetween((long) fewestStarted,
					(long) mostStarted);
			for (GatedTask task : this.tasks) {
				if (task.started) {
					assertThat(task.ended.getCount()).as("%s ended", task).isZero();
					assertThat(task.interrupted).as("%s interrupted", task).isTrue();
				}
			}
		}

	}

}
