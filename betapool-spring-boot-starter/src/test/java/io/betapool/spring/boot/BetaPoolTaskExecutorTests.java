package io.betapool.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.betapool.AdaptiveThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.TaskRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BetaPoolTaskExecutor}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BetaPoolTaskExecutorTests {

	private static final long TIMEOUT_SECONDS = 30;

	private final List<BetaPoolTaskExecutor> executors = new ArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stopExecutors() throws InterruptedException {
		this.release.countDown();
		for (BetaPoolTaskExecutor executor : this.executors) {
			executor.destroy();
			assertThat(executor.getThreadPoolExecutor().awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void runsTasksOnThreadsNamedWithThePrefix() throws Exception {
		BetaPoolTaskExecutor executor = singleThreaded(Duration.ofSeconds(TIMEOUT_SECONDS), null);
		CompletableFuture<String> threadName = executor.submitCompletable(() -> Thread.currentThread().getName());
		assertThat(threadName.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith("unit-");
	}

	@Test
	void appliesTheTaskDecoratorToEveryKindOfSubmission() throws Exception {
		ThreadLocal<String> context = new ThreadLocal<>();
		TaskDecorator propagating = (task) -> {
			String captured = context.get();
			return () -> {
				context.set(captured);
				try {
					task.run();
				}
				finally {
					context.remove();
				}
			};
		};
		BetaPoolTaskExecutor executor = singleThreaded(Duration.ofSeconds(TIMEOUT_SECONDS), propagating);
		context.set("request-42");
		try {
			AtomicReference<String> seenByExecute = new AtomicReference<>();
			CountDownLatch executed = new CountDownLatch(1);
			executor.execute(() -> {
				seenByExecute.set(context.get());
				executed.countDown();
			});
			Future<String> seenBySubmit = executor.submit(context::get);
			CompletableFuture<String> seenBySubmitCompletable = executor.submitCompletable(context::get);
			assertThat(executed.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			assertThat(seenByExecute.get()).isEqualTo("request-42");
			assertThat(seenBySubmit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("request-42");
			assertThat(seenBySubmitCompletable.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("request-42");
		}
		finally {
			context.remove();
		}
	}

	@Test
	void completesTheCompletableFutureExceptionallyWhenTheTaskFails() {
		BetaPoolTaskExecutor executor = singleThreaded(Duration.ofSeconds(TIMEOUT_SECONDS), null);
		CompletableFuture<String> failing = executor.submitCompletable(() -> {
			throw new IllegalStateException("boom");
		});
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> failing.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
			.withCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("boom");
	}

	@Test
	void lettingQueuedTasksFinishWithinTheAwaitTerminationPeriod() throws Exception {
		BetaPoolTaskExecutor executor = singleThreaded(Duration.ofSeconds(TIMEOUT_SECONDS), null);
		CountDownLatch started = new CountDownLatch(1);
		CompletableFuture<Void> running = executor.submitCompletable(() -> {
			started.countDown();
			awaitRelease();
		});
		CompletableFuture<String> queued = executor.submitCompletable(() -> "done");
		assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		Thread destroyer = new Thread(executor::destroy, "destroyer");
		destroyer.start();
		this.release.countDown();
		destroyer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
		assertThat(destroyer.isAlive()).isFalse();
		assertThat(running).isCompleted();
		assertThat(queued.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(executor.getThreadPoolExecutor().isTerminated()).isTrue();
	}

	@Test
	void cancelsQueuedTasksLeftAfterTheAwaitTerminationPeriodAndCompletesTheirFutures(CapturedOutput output)
			throws Exception {
		BetaPoolTaskExecutor executor = singleThreaded(Duration.ZERO, null);
		CountDownLatch started = new CountDownLatch(1);
		CompletableFuture<Void> running = executor.submitCompletable(() -> {
			started.countDown();
			awaitRelease();
		});
		CompletableFuture<String> queuedCompletable = executor.submitCompletable(() -> "never");
		Future<String> queuedFuture = executor.submit(() -> "never");
		assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		executor.destroy();
		assertThat(queuedCompletable).isCompletedExceptionally();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(queuedCompletable::join);
		assertThat(queuedFuture.isCancelled()).isTrue();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> running.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
			.havingRootCause()
			.isInstanceOf(InterruptedException.class);
		assertThat(output).contains("Executor 'unit-' did not finish its tasks within PT0S: cancelled 2 queued task(s)");
	}

	@Test
	void cancellingTheCompletableFutureInterruptsItsTask() throws Exception {
		BetaPoolTaskExecutor executor = singleThreaded(Duration.ofSeconds(TIMEOUT_SECONDS), null);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		CompletableFuture<Void> task = executor.submitCompletable(() -> {
			started.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
		});
		assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		task.cancel(true);
		assertThat(interrupted.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		assertThat(task).isCancelled();
	}

	@Test
	void rejectsTasksTheFullQueueCannotTake() throws Exception {
		AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(1)
			.threadNamePrefix("bounded-")
			.build();
		BetaPoolTaskExecutor executor = register(new BetaPoolTaskExecutor(pool));
		CountDownLatch started = new CountDownLatch(1);
		executor.execute(() -> {
			started.countDown();
			awaitRelease();
		});
		assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> queued = executor.submitCompletable(() -> "queued");
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.execute(() -> {
		}));
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.submit(() -> "rejected"));
		assertThatExceptionOfType(TaskRejectedException.class)
			.isThrownBy(() -> executor.submitCompletable(() -> "rejected"));
		this.release.countDown();
		assertThat(queued.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("queued");
	}

	@Test
	void destroyIsIdempotentAndLaterTasksAreRejected() {
		BetaPoolTaskExecutor executor = singleThreaded(Duration.ofSeconds(TIMEOUT_SECONDS), null);
		executor.destroy();
		executor.destroy();
		assertThat(executor.getThreadPoolExecutor().isShutdown()).isTrue();
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.execute(() -> {
		}));
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.submit(() -> "late"));
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.submitCompletable(() -> {
		}));
	}

	@Test
	void refusesANegativeAwaitTerminationPeriod() {
		AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder().minWorkers(1).maxWorkers(1).build();
		try {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new BetaPoolTaskExecutor(pool, null, Duration.ofSeconds(-1)))
				.withMessageContaining("awaitTerminationPeriod");
		}
		finally {
			pool.close();
		}
	}

	private BetaPoolTaskExecutor singleThreaded(Duration awaitTerminationPeriod, TaskDecorator taskDecorator) {
		AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(1)
			.maxWorkers(1)
			.threadNamePrefix("unit-")
			.build();
		return register(new BetaPoolTaskExecutor(pool, taskDecorator, awaitTerminationPeriod));
	}

	private BetaPoolTaskExecutor register(BetaPoolTaskExecutor executor) {
		this.executors.add(executor);
		return executor;
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for release", ex);
		}
	}

}
