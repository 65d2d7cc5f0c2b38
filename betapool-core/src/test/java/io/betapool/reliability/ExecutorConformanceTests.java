package io.betapool.reliability;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import io.betapool.Gate;
import io.betapool.GatedTask;
import io.betapool.PoolKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY;
import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.SHORT_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.await;
import static io.betapool.ConcurrencyTestSupport.join;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.awaitility.Awaitility.await;

/**
 * The parts of the {@link ExecutorService} contract that {@code ExecutorContractTests} leaves out, in the
 * manner of the JSR-166 TCK: cancellation with and without interrupt, the interrupt handling of every
 * waiting method, timed variants with non-positive timeouts, rejection by every method in every
 * stopped state, and null arguments. Each test runs against the adaptive executor with each policy and
 * against the static one; ordering is controlled with latches, every delay comes from
 * {@link io.betapool.ConcurrencyTestSupport}, and every thread a test starts is joined.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExecutorConformanceTests {

	private final TrackedExecutors executors = new TrackedExecutors();

	/** The three ways to submit a task that return a future, each as a Callable-shaped call. */
	private enum Submission {

		CALLABLE((executor, task) -> executor.submit((Callable<String>) task)),

		RUNNABLE((executor, task) -> executor.submit((Runnable) task)),

		RUNNABLE_WITH_RESULT((executor, task) -> executor.submit((Runnable) task, "result"));

		private final BiFunction<ExecutorService, GatedTask, Future<?>> submit;

		Submission(BiFunction<ExecutorService, GatedTask, Future<?>> submit) {
			this.submit = submit;
		}

	}

	@AfterEach
	void shutDownEveryExecutor() throws InterruptedException {
		this.executors.shutDownAll();
	}

	private ExecutorService create(PoolKind kind) {
		return this.executors.create(kind);
	}

	// cancellation

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void cancelWithInterruptInterruptsARunningTask(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		for (Submission submission : Submission.values()) {
			Gate gate = new Gate(1);
			GatedTask task = gate.task(submission.name());
			Future<?> future = submission.submit.apply(executor, task);
			gate.awaitStarted();

			assertThat(future.cancel(true)).isTrue();

			await(task.ended);
			assertThat(task.interrupted).as("%s interrupted", submission).isTrue();
			assertThat(task.finished).isFalse();
			assertThat(future.isCancelled()).isTrue();
			assertThat(future.isDone()).isTrue();
			assertThatExceptionOfType(CancellationException.class).isThrownBy(future::get);
			assertThatExceptionOfType(CancellationException.class)
				.isThrownBy(() -> future.get(LONG_DELAY_MS, MILLISECONDS));
		}
		assertStillServing(executor);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void cancelWithoutInterruptLetsARunningTaskFinishWhileItsFutureReportsCancelled(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		for (Submission submission : Submission.values()) {
			Gate gate = new Gate(1);
			GatedTask task = gate.task(submission.name());
			Future<?> future = submission.submit.apply(executor, task);
			gate.awaitStarted();

			assertThat(future.cancel(false)).isTrue();

			assertThat(future.isCancelled()).isTrue();
			assertThat(future.isDone()).isTrue();
			assertThatExceptionOfType(CancellationException.class).isThrownBy(future::get);
			assertThat(task.ended.await(SHORT_DELAY_MS, MILLISECONDS)).as("%s still running", submission).isFalse();
			gate.open();
			await(task.ended);
			assertThat(task.interrupted).as("%s interrupted", submission).isFalse();
			assertThat(task.finished).isTrue();
			assertThat(future.cancel(true)).as("a second cancel").isFalse();
		}
		assertStillServing(executor);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void aTaskCancelledWhileQueuedNeverRuns(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		Gate gate = new Gate(2);
		executor.execute(gate.task("running-1"));
		executor.execute(gate.task("running-2"));
		gate.awaitStarted();
		AtomicInteger ran = new AtomicInteger();
		Future<Integer> queued = executor.submit(ran::incrementAndGet);

		assertThat(queued.cancel(false)).isTrue();

		assertThat(queued.isCancelled()).isTrue();
		gate.open();
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(ran).hasValue(0);
		assertThatExceptionOfType(CancellationException.class).isThrownBy(queued::get);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void cancelAfterCompletionHasNoEffect(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		Future<String> future = executor.submit(() -> "done");
		assertThat(future.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("done");
		assertThat(future.cancel(true)).isFalse();
		assertThat(future.cancel(false)).isFalse();
		assertThat(future.isCancelled()).isFalse();
		assertThat(future.get(0, MILLISECONDS)).isEqualTo("done");
	}

	// Future.get

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void timedGetThrowsTimeoutExceptionWhileTheTaskRunsAndReturnsItsResultOnceItEnds(PoolKind kind)
			throws Exception {
		ExecutorService executor = create(kind);
		Gate gate = new Gate(1);
		Future<String> future = executor.submit((Callable<String>) gate.task("slow"));
		gate.awaitStarted();
		assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> future.get(SHORT_DELAY_MS, MILLISECONDS));
		assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> future.get(0, MILLISECONDS));
		assertThat(future.isDone()).isFalse();
		gate.open();
		assertThat(future.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("slow");
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void getThrowsInterruptedExceptionToACallerInterruptedBeforeOrWhileWaiting(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		Gate gate = new Gate(1);
		Future<String> future = executor.submit((Callable<String>) gate.task("slow"));
		gate.awaitStarted();
		for (boolean timed : new boolean[] { false, true }) {
			ThrowingCallable get = timed ? () -> future.get(LONG_DELAY_MS, MILLISECONDS) : future::get;
			assertInterruptedBeforeCalling(get);
			assertInterruptedWhileWaiting(get);
		}
		assertThat(future.isDone()).isFalse();
		gate.open();
		assertThat(future.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("slow");
	}

	// invokeAll and invokeAny

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void invokeAllOfNoTasksReturnsAnEmptyListAndInvokeAnyOfNoTasksIsRefused(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		assertThat(executor.invokeAll(List.<Callable<String>>of())).isEmpty();
		assertThat(executor.invokeAll(List.<Callable<String>>of(), LONG_DELAY_MS, MILLISECONDS)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> executor.invokeAny(List.<Callable<String>>of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> executor.invokeAny(List.<Callable<String>>of(), LONG_DELAY_MS, MILLISECONDS));
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void timedInvokeAllWithANonPositiveTimeoutRunsNoTaskAndCancelsEveryFuture(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		AtomicInteger ran = new AtomicInteger();
		List<Callable<Integer>> tasks = List.of(ran::incrementAndGet, ran::incrementAndGet, ran::incrementAndGet);
		for (long timeout : new long[] { 0, -1, Long.MIN_VALUE }) {
			List<Future<Integer>> futures = executor.invokeAll(tasks, timeout, MILLISECONDS);
			assertThat(futures).hasSize(3).allMatch(Future::isCancelled);
		}
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(ran).hasValue(0);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void invokeAnyCancelsTheTasksStillRunningOnceOneSucceeds(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		for (boolean timed : new boolean[] { false, true }) {
			Gate gate = new Gate(1);
			GatedTask blocked = gate.task("blocked");
			CountDownLatch blockedStarted = new CountDownLatch(1);
			// the quick task waits for the blocked one to start, so that there is a running task to cancel
			Callable<String> quick = () -> {
				await(blockedStarted);
				return "quick";
			};
			Callable<String> blocking = () -> {
				blockedStarted.countDown();
				return blocked.call();
			};
			List<Callable<String>> tasks = List.of(blocking, quick);
			String result = timed ? executor.invokeAny(tasks, LONG_DELAY_MS, MILLISECONDS) : executor.invokeAny(tasks);
			assertThat(result).isEqualTo("quick");
			await(blocked.ended);
			assertThat(blocked.interrupted).as("blocked task interrupted (timed %s)", timed).isTrue();
			assertThat(blocked.finished).isFalse();
		}
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void invokeAllAndInvokeAnyThrowInterruptedExceptionToAnInterruptedCallerAndRunNoTaskToTheEnd(PoolKind kind)
			throws Exception {
		ExecutorService executor = create(kind);
		for (Invocation invocation : Invocation.values()) {
			Gate gate = new Gate(0);
			List<GatedTask> tasks = List.of(gate.task("first"), gate.task("second"));
			assertInterruptedBeforeCalling(() -> invocation.invoke(executor, tasks));
			ThreadPoolExecutor view = PoolKind.view(executor);
			await().atMost(LONG_DELAY).until(() -> view.getActiveCount() == 0 && view.getQueue().isEmpty());
			assertThat(gate.finished).as("%s: tasks finished", invocation).hasValue(0);
			for (GatedTask task : tasks) {
				assertThat(task.interrupted).as("%s: %s interrupted if started", invocation, task)
					.isEqualTo(task.started);
			}
		}
		assertStillServing(executor);
	}

	// awaitTermination and close

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void awaitTerminationThrowsInterruptedExceptionToACallerInterruptedBeforeOrWhileWaiting(PoolKind kind)
			throws Exception {
		ExecutorService executor = create(kind);
		Gate gate = new Gate(1);
		executor.execute(gate.task("running"));
		gate.awaitStarted();
		executor.shutdown();
		assertInterruptedBeforeCalling(() -> executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS));
		assertInterruptedWhileWaiting(() -> executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS));
		assertThat(executor.isTerminated()).isFalse();
		gate.open();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void awaitTerminationWithANonPositiveTimeoutAnswersAtOnce(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		Gate gate = new Gate(1);
		executor.execute(gate.task("running"));
		gate.awaitStarted();
		executor.shutdown();
		assertThat(executor.awaitTermination(0, MILLISECONDS)).isFalse();
		assertThat(executor.awaitTermination(-1, MILLISECONDS)).isFalse();
		assertThat(executor.awaitTermination(Long.MIN_VALUE, TimeUnit.DAYS)).isFalse();
		gate.open();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(executor.awaitTermination(0, MILLISECONDS)).isTrue();
		assertThat(executor.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void closeInterruptedWhileWaitingStopsAtOnceKeepsWaitingAndRestoresTheInterrupt(PoolKind kind)
			throws Exception {
		ExecutorService executor = create(kind);
		Stopped stopped = Stopped.running(executor);
		AtomicReference<Boolean> interruptedAfterClose = new AtomicReference<>();
		Thread closer = new Thread(() -> {
			PoolKind.close(executor);
			interruptedAfterClose.set(Thread.currentThread().isInterrupted());
		}, "closer");
		closer.start();
		await().atMost(LONG_DELAY).until(() -> executor.isShutdown() && isWaiting(closer));

		closer.interrupt();

		join(closer);
		assertThat(interruptedAfterClose.get()).as("interrupt status restored").isTrue();
		stopped.assertStoppedAtOnce(executor);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void closeByAnInterruptedCallerStopsAtOnceAndKeepsTheInterrupt(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		Stopped stopped = Stopped.running(executor);
		AtomicReference<Boolean> interruptedAfterClose = new AtomicReference<>();
		Thread closer = new Thread(() -> {
			Thread.currentThread().interrupt();
			PoolKind.close(executor);
			interruptedAfterClose.set(Thread.currentThread().isInterrupted());
		}, "closer");
		closer.start();
		join(closer);
		assertThat(interruptedAfterClose.get()).as("interrupt status kept").isTrue();
		stopped.assertStoppedAtOnce(executor);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void closeAfterShutdownNowReturnsOnceTerminated(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		Gate gate = new Gate(1);
		GatedTask running = gate.task("running");
		executor.execute(running);
		gate.awaitStarted();
		executor.shutdownNow();
		PoolKind.close(executor);
		assertThat(executor.isTerminated()).isTrue();
		assertThat(running.interrupted).isTrue();
		PoolKind.close(executor);
	}

	// shutdown

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void shutdownNowAfterShutdownInterruptsTheRunningTasksAndReturnsTheQueuedOnes(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		Gate gate = new Gate(2);
		GatedTask first = gate.task("running-1");
		GatedTask second = gate.task("running-2");
		executor.execute(first);
		executor.execute(second);
		gate.awaitStarted();
		GatedTask queued = gate.task("queued");
		executor.execute(queued);
		executor.shutdown();

		List<Runnable> neverStarted = executor.shutdownNow();

		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(neverStarted).containsExactly(queued);
		assertThat(first.interrupted).isTrue();
		assertThat(second.interrupted).isTrue();
		assertThat(queued.started).isFalse();
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void aTaskOfThePoolMayShutItDownAndTheTasksQueuedBehindItStillRun(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		Gate gate = new Gate(2);
		executor.execute(gate.task("running-1"));
		executor.execute(gate.task("running-2"));
		gate.awaitStarted();
		CountDownLatch shutDownFromInside = new CountDownLatch(1);
		AtomicInteger queuedRan = new AtomicInteger();
		executor.execute(() -> {
			executor.shutdown();
			shutDownFromInside.countDown();
		});
		executor.execute(queuedRan::incrementAndGet);
		gate.open();
		await(shutDownFromInside);
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.execute(() -> {
		}));
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(gate.finished).hasValue(2);
		assertThat(queuedRan).hasValue(1);
	}

	// rejection

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void everyMethodThatTakesATaskRejectsItAfterShutdownAfterShutdownNowAndAfterTermination(PoolKind kind)
			throws Exception {
		for (int stop = 0; stop < 3; stop++) {
			ExecutorService executor = create(kind);
			Gate gate = new Gate(1);
			if (stop < 2) {
				executor.execute(gate.task("running"));
				gate.awaitStarted();
			}
			if (stop == 1) {
				executor.shutdownNow();
			}
			else {
				executor.shutdown();
			}
			if (stop == 2) {
				assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
			}
			AtomicInteger ran = new AtomicInteger();
			Callable<Integer> callable = ran::incrementAndGet;
			Runnable runnable = ran::incrementAndGet;
			List<ThrowingCallable> calls = List.of(() -> executor.execute(runnable), () -> executor.submit(runnable),
					() -> executor.submit(runnable, 1), () -> executor.submit(callable),
					() -> executor.invokeAll(List.of(callable)),
					() -> executor.invokeAll(List.of(callable), LONG_DELAY_MS, MILLISECONDS),
					() -> executor.invokeAny(List.of(callable)),
					() -> executor.invokeAny(List.of(callable), LONG_DELAY_MS, MILLISECONDS));
			for (int i = 0; i < calls.size(); i++) {
				assertThatExceptionOfType(RejectedExecutionException.class).as("call %d after stop %d", i, stop)
					.isThrownBy(calls.get(i));
			}
			gate.open();
			assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
			assertThat(ran).hasValue(0);
		}
	}

	// null arguments

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void aNullTimeUnitIsRefusedWithNullPointerExceptionBeforeAnyTaskRuns(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		AtomicInteger ran = new AtomicInteger();
		List<Callable<Integer>> tasks = List.of(ran::incrementAndGet);
		assertThatNullPointerException().isThrownBy(() -> executor.awaitTermination(1, null));
		assertThatNullPointerException().isThrownBy(() -> executor.invokeAll(tasks, 1, null));
		assertThatNullPointerException().isThrownBy(() -> executor.invokeAny(tasks, 1, null));
		Future<String> future = executor.submit(() -> "done");
		assertThat(future.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("done");
		assertThatNullPointerException().isThrownBy(() -> future.get(1, null));
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(ran).hasValue(0);
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void aNullElementLeavesNoTaskOfTheCollectionRunning(PoolKind kind) throws Exception {
		ExecutorService executor = create(kind);
		for (Invocation invocation : Invocation.values()) {
			Gate gate = new Gate(0);
			GatedTask first = gate.task("before the null");
			assertThatNullPointerException().as("%s", invocation)
				.isThrownBy(() -> invocation.invoke(executor, Arrays.asList(first, null)));
			ThreadPoolExecutor view = PoolKind.view(executor);
			await().atMost(LONG_DELAY).until(() -> view.getActiveCount() == 0 && view.getQueue().isEmpty());
			assertThat(first.finished).isFalse();
			assertThat(first.interrupted).as("%s: interrupted if started", invocation).isEqualTo(first.started);
		}
		assertStillServing(executor);
	}

	// helpers

	private static void assertStillServing(ExecutorService executor) throws Exception {
		assertThat(executor.submit(() -> "still serving").get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("still serving");
	}

	private static boolean isWaiting(Thread thread) {
		Thread.State state = thread.getState();
		return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
	}

	/** Calls {@code call} from a thread that is interrupted beforehand, and expects InterruptedException. */
	private static void assertInterruptedBeforeCalling(ThrowingCallable call) throws InterruptedException {
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			Thread.currentThread().interrupt();
			try {
				call.call();
			}
			catch (Throwable ex) {
				thrown.set(ex);
			}
		}, "interrupted-caller");
		caller.start();
		join(caller);
		assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
	}

	/** Calls {@code call} from a thread that is interrupted once it waits, and expects InterruptedException. */
	private static void assertInterruptedWhileWaiting(ThrowingCallable call) throws InterruptedException {
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			try {
				call.call();
			}
			catch (Throwable ex) {
				thrown.set(ex);
			}
		}, "waiting-caller");
		caller.start();
		await().atMost(LONG_DELAY).until(() -> isWaiting(caller));
		caller.interrupt();
		join(caller);
		assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
	}

	/** A pool with a task running at a closed gate and a submitted task queued behind it on every thread. */
	private static final class Stopped {

		private final Gate gate = new Gate(2);

		private final List<GatedTask> running = List.of(this.gate.task("running-1"), this.gate.task("running-2"));

		private Future<String> queued;

		static Stopped running(ExecutorService executor) throws InterruptedException {
			Stopped stopped = new Stopped();
			stopped.running.forEach(executor::execute);
			stopped.gate.awaitStarted();
			stopped.queued = executor.submit((Callable<String>) stopped.gate.task("queued"));
			return stopped;
		}

		/** The running tasks were interrupted, the queued one cancelled, and the pool terminated. */
		void assertStoppedAtOnce(ExecutorService executor) {
			assertThat(executor.isTerminated()).isTrue();
			assertThat(this.running).allMatch((task) -> task.interrupted && !task.finished);
			assertThat(this.queued.isCancelled()).isTrue();
			assertThat(this.gate.finished).hasValue(0);
		}

	}

}
