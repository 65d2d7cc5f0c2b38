package io.betapool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY;
import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.MEDIUM_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.SHORT_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.await;
import static io.betapool.ConcurrencyTestSupport.join;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static io.betapool.ConcurrencyTestSupport.newThreadNamesSince;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.awaitility.Awaitility.await;

/**
 * The {@link java.util.concurrent.ExecutorService} contract, held against the adaptive executor with
 * each policy and against the static baseline. Ordering is controlled with latches; the only waits on
 * time are the timed calls under test, and every wait for something that must happen is bounded by
 * {@link ConcurrencyTestSupport#LONG_DELAY_MS}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExecutorContractTests {

	private final List<MeasuredExecutor> executors = new ArrayList<>();

	private MeasuredExecutor create(PoolKind kind) {
		MeasuredExecutor executor = kind.createMeasured();
		this.executors.add(executor);
		return executor;
	}

	@AfterEach
	void shutDownEveryExecutor() throws InterruptedException {
		for (MeasuredExecutor executor : this.executors) {
			ConcurrencyTestSupport.shutdownNowAndAwait(executor);
		}
	}

	// running tasks

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void executeRunsTheTaskOnAThreadOfThePool(PoolKind kind) throws InterruptedException {
		MeasuredExecutor executor = create(kind);
		CountDownLatch ran = new CountDownLatch(1);
		AtomicReference<String> threadName = new AtomicReference<>();
		executor.execute(() -> {
			threadName.set(Thread.currentThread().getName());
			ran.countDown();
		});
		await(ran);
		assertThat(threadName.get()).startsWith(kind.threadNamePrefix)
			.isNotEqualTo(kind.threadNamePrefix + "controller");
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void submitOfARunnableReturnsAFutureThatCompletesWithNull(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		AtomicInteger runs = new AtomicInteger();
		Future<?> future = executor.submit(() -> {
			runs.incrementAndGet();
		});
		assertThat(future.get(LONG_DELAY_MS, MILLISECONDS)).isNull();
		assertThat(future.isDone()).isTrue();
		assertThat(future.isCancelled()).isFalse();
		assertThat(runs).hasValue(1);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void submitOfARunnableWithAResultReturnsThatResult(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		AtomicInteger runs = new AtomicInteger();
		Future<String> future = executor.submit(runs::incrementAndGet, "result");
		assertThat(future.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("result");
		assertThat(runs).hasValue(1);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void submitOfACallableReturnsItsResult(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		Future<Integer> future = executor.submit(() -> 6 * 7);
		assertThat(future.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo(42);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void anExceptionThrownByATaskReachesItsFutureAsTheCauseOfAnExecutionException(PoolKind kind) {
		MeasuredExecutor executor = create(kind);
		IllegalStateException callableFailure = new IllegalStateException("callable failed");
		IllegalArgumentException runnableFailure = new IllegalArgumentException("runnable failed");
		Future<String> fromCallable = executor.submit(() -> {
			throw callableFailure;
		});
		Future<?> fromRunnable = executor.submit((Runnable) () -> {
			throw runnableFailure;
		});
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> fromCallable.get(LONG_DELAY_MS, MILLISECONDS))
			.withCause(callableFailure)
			.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(callableFailure));
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> fromRunnable.get(LONG_DELAY_MS, MILLISECONDS))
			.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(runnableFailure));
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void aPoolKeepsRunningTasksAfterATaskThrew(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		CountDownLatch thrown = new CountDownLatch(2);
		for (int i = 0; i < 2; i++) {
			executor.execute(() -> {
				thrown.countDown();
				throw new IllegalStateException("expected by the test");
			});
		}
		await(thrown);
		assertThat(executor.submit(() -> "still running").get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("still running");
	}

	// invokeAll and invokeAny

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void invokeAllReturnsTheCompletedFuturesInTaskOrder(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		List<Callable<Integer>> tasks = IntStream.range(0, 20).<Callable<Integer>>mapToObj((i) -> () -> i * i).toList();
		List<Future<Integer>> futures = executor.invokeAll(tasks);
		assertThat(futures).hasSize(20).allMatch(Future::isDone);
		for (int i = 0; i < 20; i++) {
			assertThat(futures.get(i).get()).isEqualTo(i * i);
		}
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void invokeAllWaitsForFailingTasksToo(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		IllegalStateException failure = new IllegalStateException("failed");
		List<Future<String>> futures = executor.invokeAll(List.of(() -> "ok", () -> {
			throw failure;
		}));
		assertThat(futures.get(0).get()).isEqualTo("ok");
		assertThat(futures.get(1).isDone()).isTrue();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> futures.get(1).get())
			.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(failure));
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void timedInvokeAllReturnsEveryResultWhenTheTasksEndInTime(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		List<Future<String>> futures = executor.invokeAll(List.of(() -> "a", () -> "b", () -> "c"), LONG_DELAY_MS,
				MILLISECONDS);
		assertThat(futures).noneMatch(Future::isCancelled);
		assertThat(futures.stream().map(ExecutorContractTests::getNow)).containsExactly("a", "b", "c");
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void timedInvokeAllCancelsTheTasksUnfinishedAtTheTimeout(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(1);
		GatedTask blocked = gate.task("blocked");
		List<Callable<String>> tasks = List.of(() -> "quick", blocked);
		List<Future<String>> futures = executor.invokeAll(tasks, MEDIUM_DELAY_MS, MILLISECONDS);
		assertThat(futures).hasSize(2).allMatch(Future::isDone);
		assertThat(futures.get(0).isCancelled()).isFalse();
		assertThat(futures.get(0).get()).isEqualTo("quick");
		assertThat(futures.get(1).isCancelled()).isTrue();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> futures.get(1).get());
		// the blocked task never finishes unless the gate opens: it must have been interrupted or never started
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(blocked.finished).isFalse();
		assertThat(blocked.interrupted).isEqualTo(blocked.started);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void invokeAnyReturnsTheResultOfATaskThatSucceeded(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		List<Callable<String>> tasks = List.of(() -> {
			throw new IllegalStateException("expected by the test");
		}, () -> "ok", () -> {
			throw new IllegalArgumentException("expected by the test");
		});
		assertThat(executor.invokeAny(tasks)).isEqualTo("ok");
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void invokeAnyThrowsAnExecutionExceptionWhenEveryTaskFails(PoolKind kind) {
		MeasuredExecutor executor = create(kind);
		List<Callable<String>> tasks = List.of(() -> {
			throw new IllegalStateException("first");
		}, () -> {
			throw new IllegalStateException("second");
		});
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> executor.invokeAny(tasks))
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void timedInvokeAnyReturnsTheResultOfATaskThatSucceeded(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		List<Callable<String>> tasks = List.of(() -> {
			throw new IllegalStateException("expected by the test");
		}, () -> "ok");
		assertThat(executor.invokeAny(tasks, LONG_DELAY_MS, MILLISECONDS)).isEqualTo("ok");
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void timedInvokeAnyThrowsAnExecutionExceptionWhenEveryTaskFails(PoolKind kind) {
		MeasuredExecutor executor = create(kind);
		List<Callable<String>> tasks = List.of(() -> {
			throw new IllegalStateException("first");
		}, () -> {
			throw new IllegalStateException("second");
		});
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> executor.invokeAny(tasks, LONG_DELAY_MS, MILLISECONDS))
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void timedInvokeAnyThrowsATimeoutExceptionAndCancelsTheTasksWhenNoneEndsInTime(PoolKind kind)
			throws InterruptedException {
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(2);
		GatedTask first = gate.task("first");
		GatedTask second = gate.task("second");
		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> executor.invokeAny(List.<Callable<String>>of(first, second), SHORT_DELAY_MS,
					MILLISECONDS));
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(gate.finished).hasValue(0);
		assertThat(first.interrupted).isEqualTo(first.started);
		assertThat(second.interrupted).isEqualTo(second.started);
	}

	// shutdown

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void shutdownLetsQueuedTasksFinishAndRejectsNewOnes(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(2);
		List<GatedTask> tasks = IntStream.range(0, 7).mapToObj((i) -> gate.task("task-" + i)).toList();
		executor.execute(tasks.get(0));
		executor.execute(tasks.get(1));
		gate.awaitStarted();
		tasks.subList(2, 7).forEach(executor::execute);
		executor.shutdown();
		assertThat(executor.isShutdown()).isTrue();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.execute(() -> {
		}));
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.submit(() -> "late"));
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> executor.submit(() -> {
			}, "late"));
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> executor.invokeAll(List.of(() -> "late")));
		gate.open();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(tasks).allMatch((task) -> task.finished);
		assertThat(gate.finished).hasValue(7);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void shutdownNowInterruptsRunningTasksAndReturnsExactlyTheExecutedRunnablesThatNeverStarted(PoolKind kind)
			throws InterruptedException {
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(2);
		List<GatedTask> tasks = IntStream.range(0, 7).mapToObj((i) -> gate.task("task-" + i)).toList();
		executor.execute(tasks.get(0));
		executor.execute(tasks.get(1));
		gate.awaitStarted();
		tasks.subList(2, 7).forEach(executor::execute);

		List<Runnable> neverStarted = executor.shutdownNow();

		assertThat(executor.isShutdown()).isTrue();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		List<GatedTask> started = tasks.stream().filter((task) -> task.started).toList();
		assertThat(started).contains(tasks.get(0), tasks.get(1)).allMatch((task) -> task.interrupted);
		assertThat(gate.finished).hasValue(0);
		// the very instances that were submitted, and only those that never started
		assertThat(neverStarted).isNotEmpty()
			.allMatch((task) -> tasks.stream().anyMatch((submitted) -> submitted == task))
			.containsExactlyInAnyOrderElementsOf(tasks.stream().filter((task) -> !task.started).toList());
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void shutdownNowReturnsAndCancelsTheFuturesOfSubmittedTasksThatNeverStarted(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(2);
		List<GatedTask> tasks = IntStream.range(0, 7).mapToObj((i) -> gate.task("task-" + i)).toList();
		List<Future<String>> futures = new ArrayList<>();
		futures.add(executor.submit((Callable<String>) tasks.get(0)));
		futures.add(executor.submit((Callable<String>) tasks.get(1)));
		gate.awaitStarted();
		for (GatedTask task : tasks.subList(2, 7)) {
			futures.add(executor.submit((Callable<String>) task));
		}

		List<Runnable> neverStarted = executor.shutdownNow();

		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		List<Object> futuresNeverStarted = new ArrayList<>();
		for (int i = 0; i < tasks.size(); i++) {
			Future<String> future = futures.get(i);
			if (tasks.get(i).started) {
				assertThat(tasks.get(i).interrupted).isTrue();
				assertThatExceptionOfType(ExecutionException.class).isThrownBy(future::get)
					.withCauseInstanceOf(InterruptedException.class);
			}
			else {
				futuresNeverStarted.add(future);
				assertThat(future.isCancelled()).as("future of %s cancelled", tasks.get(i)).isTrue();
				assertThatExceptionOfType(CancellationException.class).isThrownBy(future::get);
			}
		}
		assertThat(futuresNeverStarted).hasSizeGreaterThan(0);
		assertThat(new ArrayList<Object>(neverStarted)).containsExactlyInAnyOrderElementsOf(futuresNeverStarted);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void isShutdownAndIsTerminatedFollowTheLifecycle(PoolKind kind) throws InterruptedException {
		MeasuredExecutor executor = create(kind);
		assertThat(executor.isShutdown()).isFalse();
		assertThat(executor.isTerminated()).isFalse();
		Gate gate = new Gate(1);
		executor.execute(gate.task("running"));
		gate.awaitStarted();
		executor.shutdown();
		assertThat(executor.isShutdown()).isTrue();
		assertThat(executor.isTerminated()).isFalse();
		gate.open();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(executor.isShutdown()).isTrue();
		assertThat(executor.isTerminated()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void anIdlePoolTerminatesOnShutdown(PoolKind kind) throws InterruptedException {
		MeasuredExecutor executor = create(kind);
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(executor.isTerminated()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void awaitTerminationReturnsFalseOnTimeoutWhileATaskRunsAndTrueOnceTerminated(PoolKind kind)
			throws InterruptedException {
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(1);
		executor.execute(gate.task("running"));
		gate.awaitStarted();
		assertThat(executor.awaitTermination(SHORT_DELAY_MS, MILLISECONDS)).as("before shutdown").isFalse();
		executor.shutdown();
		assertThat(executor.awaitTermination(SHORT_DELAY_MS, MILLISECONDS)).as("while the task runs").isFalse();
		assertThat(executor.isTerminated()).isFalse();
		gate.open();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(executor.awaitTermination(0, MILLISECONDS)).as("once terminated").isTrue();
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void closeWaitsForRunningTasksAndIsIdempotent(PoolKind kind) throws InterruptedException {
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(1);
		GatedTask running = gate.task("running");
		executor.execute(running);
		gate.awaitStarted();
		CountDownLatch closed = new CountDownLatch(1);
		Thread closer = new Thread(() -> {
			executor.close();
			closed.countDown();
		}, "closer");
		closer.start();
		try {
			assertThat(closed.await(SHORT_DELAY_MS, MILLISECONDS)).as("close returned while a task runs").isFalse();
			await().atMost(LONG_DELAY).until(executor::isShutdown);
			assertThat(closed.getCount()).as("close returned while a task runs").isOne();
		}
		finally {
			gate.open();
			join(closer);
		}
		assertThat(closed.getCount()).isZero();
		assertThat(running.finished).isTrue();
		assertThat(running.interrupted).isFalse();
		assertThat(executor.isTerminated()).isTrue();
		executor.close();
		assertThat(executor.isTerminated()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void shutdownIsIdempotent(PoolKind kind) throws InterruptedException {
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(1);
		GatedTask running = gate.task("running");
		executor.execute(running);
		gate.awaitStarted();
		executor.shutdown();
		executor.shutdown();
		assertThat(executor.isShutdown()).isTrue();
		assertThat(executor.isTerminated()).isFalse();
		gate.open();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		executor.shutdown();
		assertThat(executor.isTerminated()).isTrue();
		assertThat(running.finished).isTrue();
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void shutdownNowIsIdempotentAndReturnsEachTaskOnce(PoolKind kind) throws InterruptedException {
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(2);
		executor.execute(gate.task("running-1"));
		executor.execute(gate.task("running-2"));
		gate.awaitStarted();
		GatedTask queued = gate.task("queued");
		executor.execute(queued);
		List<Runnable> first = executor.shutdownNow();
		List<Runnable> second = executor.shutdownNow();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		// no task completes, so no policy leaves its warm-up and the pool stays at two busy threads
		assertThat(queued.started).isFalse();
		assertThat(first).containsExactly(queued);
		assertThat(second).isEmpty();
		assertThat(executor.shutdownNow()).isEmpty();
		executor.shutdown();
		assertThat(executor.isTerminated()).isTrue();
	}

	// null tasks

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void nullTasksAreRefusedWithNullPointerException(PoolKind kind) throws Exception {
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(1);
		assertThatNullPointerException().isThrownBy(() -> executor.execute(null));
		assertThatNullPointerException().isThrownBy(() -> executor.submit((Runnable) null));
		assertThatNullPointerException().isThrownBy(() -> executor.submit((Runnable) null, "result"));
		assertThatNullPointerException().isThrownBy(() -> executor.submit((Callable<String>) null));
		assertThatNullPointerException().isThrownBy(() -> executor.invokeAll(null));
		assertThatNullPointerException().isThrownBy(() -> executor.invokeAll(null, LONG_DELAY_MS, MILLISECONDS));
		assertThatNullPointerException().isThrownBy(() -> executor.invokeAll(withNull(() -> "ok")));
		assertThatNullPointerException()
			.isThrownBy(() -> executor.invokeAll(withNull(() -> "ok"), LONG_DELAY_MS, MILLISECONDS));
		assertThatNullPointerException().isThrownBy(() -> executor.invokeAny(null));
		assertThatNullPointerException().isThrownBy(() -> executor.invokeAny(null, LONG_DELAY_MS, MILLISECONDS));
		// the first task blocks, so that invokeAny reaches the null before any result is ready
		Callable<String> blocked = gate.task("blocked");
		assertThatNullPointerException().isThrownBy(() -> executor.invokeAny(withNull(blocked)));
		assertThatNullPointerException()
			.isThrownBy(() -> executor.invokeAny(withNull(blocked), LONG_DELAY_MS, MILLISECONDS));
		assertThat(executor.submit(() -> "still running").get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("still running");
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).as("the blocked tasks were cancelled")
			.isTrue();
		assertThat(gate.finished).hasValue(0);
	}

	// threads

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void noThreadOfThePoolOutlivesTermination(PoolKind kind) throws InterruptedException {
		Set<Thread> before = liveThreadsNamed(kind.threadNamePrefix);
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(2);
		executor.execute(gate.task("running-1"));
		executor.execute(gate.task("running-2"));
		gate.awaitStarted();
		Set<String> during = newThreadNamesSince(kind.threadNamePrefix, before);
		assertThat(during).contains(kind.threadNamePrefix + "controller");
		assertThat(during.stream().filter((name) -> !name.endsWith("controller"))).hasSizeGreaterThanOrEqualTo(2);
		executor.shutdown();
		gate.open();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(newThreadNamesSince(kind.threadNamePrefix, before)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void noThreadOfThePoolOutlivesShutdownNow(PoolKind kind) throws InterruptedException {
		Set<Thread> before = liveThreadsNamed(kind.threadNamePrefix);
		MeasuredExecutor executor = create(kind);
		Gate gate = new Gate(2);
		executor.execute(gate.task("running-1"));
		executor.execute(gate.task("running-2"));
		executor.execute(gate.task("queued"));
		gate.awaitStarted();
		executor.shutdownNow();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(executor.isTerminated()).isTrue();
		assertThat(newThreadNamesSince(kind.threadNamePrefix, before)).isEmpty();
	}

	private static <T> Collection<Callable<T>> withNull(Callable<T> first) {
		return Arrays.asList(first, null);
	}

	private static <T> T getNow(Future<T> future) {
		try {
			return future.get(0, MILLISECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new AssertionError("future not completed normally: " + future, ex);
		}
	}

}
