package io.betapool;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;

import io.betapool.control.KneeModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adaptive pool on real threads and real work, with the default configuration and bounds of
 * 1 to 64 threads: it grows under I/O, comes down to the cores under CPU work, and settles near the
 * modelled knee for work that sleeps 80 % of its time (probes past it included). Bounds are generous:
 * each condition normally holds within a second or two.
 */
class AdaptationTests {

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	private static final Duration POLL = Duration.ofMillis(100);

	private static volatile long sink;

	private final AdaptiveThreadPoolExecutor executor = AdaptiveThreadPoolExecutor.builder()
		.minWorkers(1)
		.maxWorkers(64)
		.build();

	private ClosedLoop load;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.load != null) {
			this.load.stop();
		}
		this.executor.shutdownNow();
		assertThat(this.executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void sleepingTasksGrowThePoolAndCpuTasksBringItDownToTheCores() throws InterruptedException {
		this.load = new ClosedLoop(this.executor, 200, Work.sleep(10));
		assertThat(awaitThreads(count -> count > 8, Duration.ofSeconds(10)))
			.as("threads after 10 s of 10 ms sleep tasks; decisions: %s", this.executor.getDecisionHistory())
			.isGreaterThan(8);
		this.load.switchTo(Work.cpu(2));
		assertThat(awaitThreads(count -> count <= CORES + 1, Duration.ofSeconds(15)))
			.as("threads 15 s after switching to 2 ms CPU tasks; decisions: %s", this.executor.getDecisionHistory())
			.isLessThanOrEqualTo(CORES + 1);
		assertStaysWithin(1, CORES + 1, Duration.ofSeconds(3));
	}

	@Test
	void workThatSleepsFourFifthsOfItsTimeSettlesNearTheKnee() throws InterruptedException {
		int knee = KneeModel.kneeSize(CORES, 0.8, 64);
		int low = knee / 2;
		// probes go at most to twice the modelled knee, and β reads up to about 0.82 on this work
		int high = Math.min(64, 2 * KneeModel.kneeSize(CORES, 0.85, 64));
		this.load = new ClosedLoop(this.executor, 200, Work.mixed(2, 8));
		assertThat(awaitThreads(count -> count >= low && count <= high, Duration.ofSeconds(15)))
			.as("threads with 80 %% sleeping tasks; decisions: %s", this.executor.getDecisionHistory())
			.isBetween(low, high);
		assertStaysWithin(low, high, Duration.ofSeconds(4));
	}

	private int awaitThreads(IntPredicate condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int count = this.executor.getCurrentThreadCount();
		while (!condition.test(count) && deadline - System.nanoTime() > 0) {
			Thread.sleep(POLL.toMillis());
			count = this.executor.getCurrentThreadCount();
		}
		return count;
	}

	private void assertStaysWithin(int low, int high, Duration period) throws InterruptedException {
		long deadline = System.nanoTime() + period.toNanos();
		while (deadline - System.nanoTime() > 0) {
			assertThat(this.executor.getCurrentThreadCount())
				.as("threads while holding; decisions: %s", this.executor.getDecisionHistory())
				.isBetween(low, high);
			Thread.sleep(POLL.toMillis());
		}
	}

	static void spin(long nanos) {
		long end = System.nanoTime() + nanos;
		long x = 0;
		while (end - System.nanoTime() > 0) {
			for (int i = 0; i < 100; i++) {
				x += (x * 31) ^ i;
			}
		}
		sink = x;
	}

	/** One kind of task: some CPU work, then some sleep. */
	record Work(long cpuNanos, long sleepMillis) {

		static Work sleep(long millis) {
			return new Work(0, millis);
		}

		static Work cpu(long millis) {
			return new Work(TimeUnit.MILLISECONDS.toNanos(millis), 0);
		}

		static Work mixed(long cpuMillis, long sleepMillis) {
			return new Work(TimeUnit.MILLISECONDS.toNanos(cpuMillis), sleepMillis);
		}

		void run() throws InterruptedException {
			if (this.cpuNanos > 0) {
				spin(this.cpuNanos);
			}
			if (this.sleepMillis > 0) {
				Thread.sleep(this.sleepMillis);
			}
		}

	}

	/** A producer that keeps a fixed number of tasks outstanding, saturating the pool. */
	static final class ClosedLoop {

		private final Semaphore outstanding;

		private final AtomicReference<Work> work;

		private final Thread producer;

		ClosedLoop(AdaptiveThreadPoolExecutor executor, int tasks, Work initial) {
			this.outstanding = new Semaphore(tasks);
			this.work = new AtomicReference<>(initial);
			this.producer = new Thread(() -> produce(executor), "closed-loop-producer");
			this.producer.start();
		}

		private void produce(AdaptiveThreadPoolExecutor executor) {
			try {
				while (!Thread.currentThread().isInterrupted()) {
					this.outstanding.acquire();
					Work task = this.work.get();
					executor.execute(() -> {
						try {
							task.run();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						finally {
							this.outstanding.release();
						}
					});
				}
			}
			catch (InterruptedException | java.util.concurrent.RejectedExecutionException ex) {
				// stopped
			}
		}

		void switchTo(Work next) {
			this.work.set(next);
		}

		void stop() throws InterruptedException {
			this.producer.interrupt();
			this.producer.join(30_000);
			assertThat(this.producer.isAlive()).isFalse();
		}

	}

}
