package io.betapool.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.betapool.measure.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog is more tasks queued than workers waiting to take them: a task on its way to an idle worker
 * is none, so a submission to a pool with idle threads does not wake the controller.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class IdleTrackingQueueTests {

	private final WorkerRegistry registry = new WorkerRegistry("idle-tracking-", null, Ticker.system(),
			System.getLogger(IdleTrackingQueueTests.class.getName()));

	private final IdleTrackingQueue queue = new IdleTrackingQueue(100, this.registry, Ticker.system());

	@Test
	void aTaskQueuedWithNoWorkerWaitingIsABacklog() {
		assertThat(this.queue.hasBacklog()).isFalse();
		this.queue.offer(() -> {
		});
		assertThat(this.queue.hasBacklog()).isTrue();
	}

	@Test
	void aTaskForAWaitingWorkerIsNoBacklogButTasksBeyondTheWaitingWorkersAre() throws Exception {
		BlockingQueue<Runnable> taken = new LinkedBlockingQueue<>();
		CountDownLatch release = new CountDownLatch(1);
		Thread worker = this.registry.newThread(() -> {
			try {
				taken.add(this.queue.take());
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		worker.start();
		try {
			awaitWaiting(worker);
			assertThat(this.queue.idleWorkers()).isEqualTo(1);
			Runnable first = () -> {
			};
			this.queue.offer(first);
			// the worker counts as waiting until it has the task, and the queue is empty once it has it
			assertThat(this.queue.hasBacklog()).isFalse();
			assertThat(taken.poll(LONG_DELAY_MS, TimeUnit.MILLISECONDS)).isSameAs(first);
			assertThat(this.queue.hasBacklog()).isFalse();
			// the worker is busy now: a task queued waits for a thread
			this.queue.offer(() -> {
			});
			assertThat(this.queue.hasBacklog()).isTrue();
			assertThat(this.queue.idleWorkers()).isZero();
		}
		finally {
			release.countDown();
			join(worker);
		}
	}

	/** Waits, within a generous bound, until the worker is parked in {@code take()} on the empty queue. */
	private void awaitWaiting(Thread worker) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LONG_DELAY_MS);
		while (worker.getState() != Thread.State.WAITING || this.queue.idleWorkers() == 0) {
			assertThat(System.nanoTime() - deadline).as("worker waiting on the queue").isNegative();
			Thread.sleep(1);
		}
	}

}
