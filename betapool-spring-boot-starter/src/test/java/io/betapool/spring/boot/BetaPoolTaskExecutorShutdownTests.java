package io.betapool.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.spring.boot.autoconfigure.BetaPoolAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fault 11: the Spring adapter when its application context closes with {@code @Async} work in flight.
 * {@code destroy()} lets tasks finish within {@code betapool.shutdown.await-termination-period}, then
 * cancels the queued ones and interrupts the running ones; it is idempotent; submitting afterwards
 * throws {@link TaskRejectedException}; and no {@link CompletableFuture} returned by an {@code @Async}
 * method is ever left incomplete: it completes normally, or exceptionally for the cancelled and the
 * interrupted ones.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BetaPoolTaskExecutorShutdownTests {

	/** Multiplies every delay, as {@code betapool.test.delayFactor} does in the core's tests. */
	private static final long DELAY_FACTOR = Long.getLong("betapool.test.delayFactor", 1L);

	/** A wait for something that should not happen. */
	private static final long SHORT_DELAY_MS = 50L * DELAY_FACTOR;

	/** The upper bound of a wait for something that should happen. */
	private static final long LONG_DELAY_MS = 20_000L * DELAY_FACTOR;

	private static final int WORKERS = 2;

	private static final int CALLS = 10;

	private static final String GAVE_UP = "did not finish its tasks within";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BetaPoolAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
		.withUserConfiguration(AsyncConfiguration.class)
		.withPropertyValues("betapool.min-workers=" + WORKERS, "betapool.max-workers=" + WORKERS,
				"betapool.thread-name-prefix=shutdown-test-");

	@Test
	void closingWithoutWaitingCancelsTheQueuedCallsInterruptsTheRunningOnesAndCompletesEveryFuture(
			CapturedOutput output) {
		this.contextRunner.withPropertyValues("betapool.shutdown.await-termination-period=0s").run((context) -> {
			LatchedService service = context.getBean(LatchedService.class);
			BetaPoolTaskExecutor executor = context.getBean(BetaPoolTaskExecutor.class);
			List<CompletableFuture<String>> futures = callAndAwaitTheRunningOnes(service, true);

			context.close();

			List<CompletableFuture<String>> queued = futures.subList(WORKERS, CALLS);
			assertThat(queued).as("queued calls, completed by the time close() returns")
				.allMatch(CompletableFuture::isCompletedExceptionally);
			for (CompletableFuture<String> future : queued) {
				assertThatExceptionOfType(CancellationException.class).isThrownBy(future::join);
			}
			for (CompletableFuture<String> running : futures.subList(0, WORKERS)) {
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> running.get(LONG_DELAY_MS, TimeUnit.MILLISECONDS))
					.withCauseInstanceOf(InterruptedException.class);
			}
			assertTerminated(executor);

			executor.destroy();
			context.close();
			assertThat(occurrences(output.toString(), GAVE_UP)).as("reports of the cancelled tasks").isOne();
			assertThat(output).contains("cancelled " + (CALLS - WORKERS) + " queued task(s)");
			assertRejected(service, executor);
		});
	}

	@Test
	void closingWithWaitingLetsEveryQueuedAndRunningCallFinish(CapturedOutput output) throws Exception {
		AtomicReference<LatchedService> serviceRef = new AtomicReference<>();
		AtomicReference<BetaPoolTaskExecutor> executorRef = new AtomicReference<>();
		List<CompletableFuture<String>> futures = new ArrayList<>();
		this.contextRunner.withPropertyValues("betapool.shutdown.await-termination-period=" + LONG_DELAY_MS + "ms")
			.run((context) -> {
				LatchedService service = context.getBean(LatchedService.class);
				serviceRef.set(service);
				executorRef.set(context.getBean(BetaPoolTaskExecutor.class));
				futures.addAll(callAndAwaitTheRunningOnes(service, true));

				CountDownLatch closed = new CountDownLatch(1);
				Thread closer = new Thread(() -> {
					context.close();
					closed.countDown();
				}, "context-closer");
				closer.start();
				try {
					assertThat(closed.await(SHORT_DELAY_MS, TimeUnit.MILLISECONDS)).as("closed while calls run")
						.isFalse();
					assertThat(futures).noneMatch(CompletableFuture::isDone);
				}
				finally {
					service.release();
					closer.join(LONG_DELAY_MS);
				}
				assertThat(closer.isAlive()).isFalse();
			});
		for (int i = 0; i < CALLS; i++) {
			assertThat(futures.get(i)).isCompletedWithValue("call " + i);
		}
		assertTerminated(executorRef.get());
		assertThat(output).doesNotContain(GAVE_UP);
		executorRef.get().destroy();
		assertRejected(serviceRef.get(), executorRef.get());
	}

	@Test
	void closingWhenCallsOutlastTheWaitCancelsTheQueuedOnesAndTheRunningOnesStillComplete(CapturedOutput output) {
		this.contextRunner.withPropertyValues("betapool.shutdown.await-termination-period=" + SHORT_DELAY_MS + "ms")
			.run((context) -> {
				LatchedService service = context.getBean(LatchedService.class);
				BetaPoolTaskExecutor executor = context.getBean(BetaPoolTaskExecutor.class);
				// these calls ignore interrupts, so they outlive the wait and the interrupt that follows it
				List<CompletableFuture<String>> futures = callAndAwaitTheRunningOnes(service, false);

				context.close();

				assertThat(output).contains(GAVE_UP).contains("cancelled " + (CALLS - WORKERS) + " queued task(s)");
				for (CompletableFuture<String> queued : futures.subList(WORKERS, CALLS)) {
					assertThatExceptionOfType(CancellationException.class).isThrownBy(queued::join);
				}
				List<CompletableFuture<String>> running = futures.subList(0, WORKERS);
				assertThat(running).noneMatch(CompletableFuture::isDone);
				service.release();
				for (int i = 0; i < WORKERS; i++) {
					assertThat(running.get(i).get(LONG_DELAY_MS, TimeUnit.MILLISECONDS)).isEqualTo("call " + i);
				}
				assertTerminated(executor);
				assertRejected(service, executor);
			});
	}

	/** Calls the service {@link #CALLS} times and waits until the first {@link #WORKERS} calls run. */
	private static List<CompletableFuture<String>> callAndAwaitTheRunningOnes(LatchedService service,
			boolean interruptible) throws InterruptedException {
		List<CompletableFuture<String>> futures = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			futures.add(interruptible ? service.interruptible(i) : service.uninterruptible(i));
			if (i == WORKERS - 1) {
				assertThat(service.awaitRunning()).as("first calls running").isTrue();
			}
		}
		return futures;
	}

	private static void assertTerminated(BetaPoolTaskExecutor executor) throws InterruptedException {
		AdaptiveThreadPoolExecutor pool = executor.getThreadPoolExecutor();
		assertThat(pool.awaitTermination(LONG_DELAY_MS, TimeUnit.MILLISECONDS)).isTrue();
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.getName().startsWith("shutdown-test-"));
	}

	private static void assertRejected(LatchedService service, BetaPoolTaskExecutor executor) {
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> service.interruptible(-1));
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.execute(() -> {
		}));
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.submit(() -> "late"));
		assertThatExceptionOfType(TaskRejectedException.class)
			.isThrownBy(() -> executor.submitCompletable(() -> "late"));
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncConfiguration {

		@Bean
		LatchedService latchedService() {
			return new LatchedService();
		}

	}

	/**
	 * {@code @Async} methods that hold their thread until released. The test holds a proxy of this class,
	 * so it reaches the latches only through methods.
	 */
	static class LatchedService {

		private final CountDownLatch release = new CountDownLatch(1);

		private final CountDownLatch running = new CountDownLatch(WORKERS);

		/** Waits for the first {@link #WORKERS} calls to run. */
		public boolean awaitRunning() throws InterruptedException {
			return this.running.await(LONG_DELAY_MS, TimeUnit.MILLISECONDS);
		}

		public void release() {
			this.release.countDown();
		}

		@Async
		public CompletableFuture<String> interruptible(int call) throws InterruptedException {
			this.running.countDown();
			if (!this.release.await(LONG_DELAY_MS, TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("call " + call + " was never released");
			}
			return CompletableFuture.completedFuture("call " + call);
		}

		@Async
		public CompletableFuture<String> uninterruptible(int call) {
			this.running.countDown();
			boolean interrupted = false;
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LONG_DELAY_MS);
			while (this.release.getCount() > 0 && deadline - System.nanoTime() > 0) {
				try {
					this.release.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			return CompletableFuture.completedFuture("call " + call);
		}

	}

}
