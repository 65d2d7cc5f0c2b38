package io.betapool.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.betapool.AdaptiveThreadPoolExecutor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link BetaPoolTaskExecutor} held to the contract of Spring's own executors, in the shape of Spring
 * Framework's abstract scheduling-executor suite: runnables and callables through {@code execute},
 * {@code submit} and {@code submitCompletable}, succeeding and failing, on threads named with the prefix,
 * and their futures after shutdown; each once without and once with a {@link TaskDecorator}.
 * <p>
 * The one deliberate divergence: the {@link CompletableFuture} of a task cancelled at shutdown completes
 * exceptionally with a {@link CancellationException}, where Spring's {@link ThreadPoolTaskExecutor} leaves
 * it incomplete. The last test shows both side by side.
 */
class BetaPoolTaskExecutorContractTests {

	private static final String THREAD_NAME_PREFIX = "contract-";

	private static final long TIMEOUT_SECONDS = 30;

	@Nested
	class WithoutTaskDecorator extends Contract {

		@Override
		@Nullable TaskDecorator taskDecorator() {
			return null;
		}

	}

	@Nested
	class WithTaskDecorator extends Contract {

		@Override
		TaskDecorator taskDecorator() {
			return (task) -> () -> {
				this.decoratedRuns.incrementAndGet();
				assertThat(Thread.currentThread().getName()).startsWith(THREAD_NAME_PREFIX);
				task.run();
			};
		}

	}

	@Test
	void aCompletableFailureReachesCallbacksAsItDoesFromSpringsThreadPoolTaskExecutor() throws Exception {
		ThreadPoolTaskExecutor spring = new ThreadPoolTaskExecutor();
		spring.setThreadNamePrefix(THREAD_NAME_PREFIX);
		spring.initialize();
		BetaPoolTaskExecutor betaPool = new BetaPoolTaskExecutor(singleThreadedPool());
		try {
			Throwable fromSpring = failureSeenByWhenComplete(spring);
			Throwable fromBetaPool = failureSeenByWhenComplete(betaPool);
			assertThat(fromSpring).isInstanceOf(CompletionException.class)
				.hasCauseExactlyInstanceOf(IllegalStateException.class);
			assertThat(fromBetaPool).hasSameClassAs(fromSpring);
			assertThat(fromBetaPool.getCause()).hasSameClassAs(fromSpring.getCause())
				.hasMessage(fromSpring.getCause().getMessage());
		}
		finally {
			spring.destroy();
			betaPool.destroy();
		}
	}

	@Test
	void theCompletableFutureOfATaskCancelledAtShutdownCompletesWhereSpringLeavesItIncomplete() throws Exception {
		ThreadPoolTaskExecutor spring = new ThreadPoolTaskExecutor();
		spring.setCorePoolSize(1);
		spring.setMaxPoolSize(1);
		spring.setThreadNamePrefix(THREAD_NAME_PREFIX);
		spring.initialize();
		BetaPoolTaskExecutor betaPool = new BetaPoolTaskExecutor(singleThreadedPool(), null, Duration.ZERO);
		CompletableFuture<String> queuedOnSpring = queueBehindABlockedTask(spring);
		CompletableFuture<String> queuedOnBetaPool = queueBehindABlockedTask(betaPool);
		spring.destroy();
		betaPool.destroy();
		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> queuedOnSpring.get(100, TimeUnit.MILLISECONDS));
		assertThat(queuedOnBetaPool).isCompletedExceptionally();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(queuedOnBetaPool::join);
	}

	private static Throwable failureSeenByWhenComplete(AsyncTaskExecutor executor) throws InterruptedException {
		AtomicReference<Throwable> seen = new AtomicReference<>();
		CountDownLatch completed = new CountDownLatch(1);
		executor.submitCompletable(() -> {
			throw new IllegalStateException("intentional failure");
		}).whenComplete((result, failure) -> {
			seen.set(failure);
			completed.countDown();
		});
		assertThat(completed.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		return seen.get();
	}

	/** A task that waits, interruptibly, on the only thread, and a second one queued behind it. */
	private static CompletableFuture<String> queueBehindABlockedTask(AsyncTaskExecutor executor)
			throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		executor.submitCompletable(() -> {
			started.countDown();
			new CountDownLatch(1).await();
			return "never";
		});
		assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		return executor.submitCompletable(() -> "queued");
	}

	private static AdaptiveThreadPoolExecutor singleThreadedPool() {
		return AdaptiveThreadPoolExecutor.builder()
			.minWorkers(1)
			.maxWorkers(1)
			.threadNamePrefix(THREAD_NAME_PREFIX)
			.build();
	}

	/**
	 * The tests every variant passes. A task that should block waits on {@link #release}, which a shutdown
	 * without waiting interrupts.
	 */
	abstract static class Contract {

		final AtomicInteger decoratedRuns = new AtomicInteger();

		private final CountDownLatch release = new CountDownLatch(1);

		private BetaPoolTaskExecutor executor;

		abstract @Nullable TaskDecorator taskDecorator();

		@BeforeEach
		void createExecutor() {
			this.executor = new BetaPoolTaskExecutor(singleThreadedPool(), taskDecorator(), Duration.ZERO);
		}

		@AfterEach
		void destroyExecutor() throws InterruptedException {
			this.release.countDown();
			this.executor.destroy();
			assertThat(this.executor.getThreadPoolExecutor().awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS))
				.isTrue();
		}

		@Test
		void executeRunnable() throws InterruptedException {
			AtomicReference<String> threadName = new AtomicReference<>();
			CountDownLatch ran = new CountDownLatch(1);
			this.executor.execute(() -> {
				threadName.set(Thread.currentThread().getName());
				ran.countDown();
			});
			assertThat(ran.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			assertThat(threadName.get()).startsWith(THREAD_NAME_PREFIX);
			assertDecorated(1);
		}

		@Test
		void executeFailingRunnableLeavesTheExecutorRunningTasks() throws Exception {
			this.executor.execute(() -> {
				throw new IllegalStateException("intentional failure");
			});
			assertThat(this.executor.submit(() -> "after").get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("after");
			assertDecorated(2);
		}

		@Test
		void submitRunnable() throws Exception {
			AtomicReference<String> threadName = new AtomicReference<>();
			Future<?> future = this.executor.submit(() -> threadName.set(Thread.currentThread().getName()));
			assertThat(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isNull();
			assertThat(threadName.get()).startsWith(THREAD_NAME_PREFIX);
			assertDecorated(1);
		}

		@Test
		void submitFailingRunnable() {
			Future<?> future = this.executor.submit((Runnable) () -> {
				throw new IllegalStateException("intentional failure");
			});
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
				.withCauseExactlyInstanceOf(IllegalStateException.class);
			assertThat(future.isDone()).isTrue();
			assertDecorated(1);
		}

		@Test
		void submitRunnableWithGetAfterShutdown() throws Exception {
			CountDownLatch started = new CountDownLatch(1);
			Future<?> running = this.executor.submit(() -> blockUntilReleasedOrInterrupted(started));
			assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			Future<?> queued = this.executor.submit(() -> {
			});
			this.executor.destroy();
			assertThat(running.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isNull();
			assertThatExceptionOfType(CancellationException.class).isThrownBy(queued::get);
		}

		@Test
		void submitCompletableRunnable() throws Exception {
			AtomicReference<String> threadName = new AtomicReference<>();
			CompletableFuture<Void> future = this.executor
				.submitCompletable(() -> threadName.set(Thread.currentThread().getName()));
			assertThat(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isNull();
			assertThat(threadName.get()).startsWith(THREAD_NAME_PREFIX);
			assertDecorated(1);
		}

		@Test
		void submitFailingCompletableRunnable() throws Exception {
			CompletableFuture<Void> future = this.executor.submitCompletable((Runnable) () -> {
				throw new IllegalStateException("intentional failure");
			});
			assertFailedAsSpringReportsIt(future);
			assertDecorated(1);
		}

		@Test
		void submitCompletableRunnableWithGetAfterShutdown() throws Exception {
			CountDownLatch started = new CountDownLatch(1);
			CompletableFuture<Void> running = this.executor
				.submitCompletable(() -> blockUntilReleasedOrInterrupted(started));
			assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> queued = this.executor.submitCompletable(() -> {
			});
			this.executor.destroy();
			assertThat(running.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isNull();
			assertCancelledAtShutdown(queued);
		}

		@Test
		void submitCallable() throws Exception {
			Future<String> future = this.executor.submit(() -> Thread.currentThread().getName());
			assertThat(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith(THREAD_NAME_PREFIX);
			assertDecorated(1);
		}

		@Test
		void submitFailingCallable() {
			Future<String> future = this.executor.submit(failingCallable());
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
				.withCauseExactlyInstanceOf(IllegalStateException.class);
			assertThat(future.isDone()).isTrue();
			assertDecorated(1);
		}

		@Test
		void submitCallableWithGetAfterShutdown() throws Exception {
			CountDownLatch started = new CountDownLatch(1);
			Future<String> running = this.executor.submit(() -> {
				blockUntilReleasedOrInterrupted(started);
				return "interrupted";
			});
			assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			Future<String> queued = this.executor.submit(() -> "queued");
			this.executor.destroy();
			assertThat(running.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("interrupted");
			assertThatExceptionOfType(CancellationException.class)
				.isThrownBy(() -> queued.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
		}

		@Test
		void submitCompletableCallable() throws Exception {
			CompletableFuture<String> future = this.executor.submitCompletable(() -> Thread.currentThread().getName());
			assertThat(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith(THREAD_NAME_PREFIX);
			assertDecorated(1);
		}

		@Test
		void submitFailingCompletableCallable() throws Exception {
			assertFailedAsSpringReportsIt(this.executor.submitCompletable(failingCallable()));
			assertDecorated(1);
		}

		@Test
		void submitCompletableCallableWithGetAfterShutdown() throws Exception {
			CountDownLatch started = new CountDownLatch(1);
			CompletableFuture<String> running = this.executor.submitCompletable(() -> {
				blockUntilReleasedOrInterrupted(started);
				return "interrupted";
			});
			assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<String> queued = this.executor.submitCompletable(() -> "queued");
			this.executor.destroy();
			assertThat(running.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("interrupted");
			assertCancelledAtShutdown(queued);
		}

		private void assertDecorated(int tasks) {
			if (taskDecorator() != null) {
				assertThat(this.decoratedRuns).hasValue(tasks);
			}
		}

		private void blockUntilReleasedOrInterrupted(CountDownLatch started) {
			started.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				// shutdown without waiting interrupts running tasks; the task then ends normally
			}
		}

		private static Callable<String> failingCallable() {
			return () -> {
				throw new IllegalStateException("intentional failure");
			};
		}

		/**
		 * Callbacks see a {@link CompletionException} whose cause is the task's exception; {@code join()}
		 * throws it; {@code get()} throws an {@link ExecutionException} with the task's exception as cause.
		 */
		private static void assertFailedAsSpringReportsIt(CompletableFuture<?> future) throws InterruptedException {
			AtomicReference<Throwable> seenByWhenComplete = new AtomicReference<>();
			AtomicReference<Throwable> seenByHandle = new AtomicReference<>();
			AtomicReference<Throwable> seenByExceptionally = new AtomicReference<>();
			CountDownLatch callbacks = new CountDownLatch(3);
			future.whenComplete((result, failure) -> {
				seenByWhenComplete.set(failure);
				callbacks.countDown();
			});
			future.handle((result, failure) -> {
				seenByHandle.set(failure);
				callbacks.countDown();
				return null;
			});
			future.exceptionally((failure) -> {
				seenByExceptionally.set(failure);
				callbacks.countDown();
				return null;
			});
			assertThat(callbacks.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			for (AtomicReference<Throwable> seen : List.of(seenByWhenComplete, seenByHandle,
					seenByExceptionally)) {
				assertThat(seen.get()).isExactlyInstanceOf(CompletionException.class)
					.hasCauseExactlyInstanceOf(IllegalStateException.class)
					.cause()
					.hasMessage("intentional failure");
			}
			assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
				.withCauseExactlyInstanceOf(IllegalStateException.class);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(future::get)
				.withCauseExactlyInstanceOf(IllegalStateException.class);
		}

		/** The divergence: Spring leaves this future incomplete; it completes here. */
		private static void assertCancelledAtShutdown(CompletableFuture<?> queued) {
			assertThat(queued).isCompletedExceptionally();
			assertThatExceptionOfType(CancellationException.class)
				.isThrownBy(() -> queued.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
		}

	}

}
