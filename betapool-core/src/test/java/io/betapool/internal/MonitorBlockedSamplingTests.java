package io.betapool.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.betapool.measure.BlockingRatio;
import io.betapool.measure.RecentWindow;
import io.betapool.measure.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Time blocked entering a monitor is waiting that more threads cannot overlap: the sampler counts the
 * busy workers it finds {@code BLOCKED}, and β leaves their share of the busy time out.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class MonitorBlockedSamplingTests {

	private final WorkerRegistry registry = new WorkerRegistry("monitor-sampling-", null, Ticker.system(),
			System.getLogger(MonitorBlockedSamplingTests.class.getName()));

	private final WorkerSampler sampler = new WorkerSampler(this.registry);

	private final Object lock = new Object();

	@Test
	void theShareOfBusyWorkersBlockedOnAMonitorIsSampledAndAReadingStartsAfresh() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Thread waiting = this.registry.newThread(() -> await(release));
		Thread blocked = this.registry.newThread(() -> {
			synchronized (this.lock) {
				await(release);
			}
		});
		synchronized (this.lock) {
			waiting.start();
			blocked.start();
			try {
				awaitState(waiting, Thread.State.WAITING);
				awaitState(blocked, Thread.State.BLOCKED);
				assertThat(this.sampler.monitorBlockedShare()).isZero();
				this.sampler.sampleStates();
				this.sampler.sampleStates();
				assertThat(this.sampler.monitorBlockedShare()).isEqualTo(0.5);
				// a reading samples once more, takes the share into its interval and starts counting afresh
				WorkerSampler.Interval interval = this.sampler.read(System.nanoTime(), new RecentWindow());
				assertThat(interval.monitorBlockedShare).isEqualTo(0.5);
				assertThat(this.sampler.monitorBlockedShare()).isZero();
			}
			finally {
				release.countDown();
			}
		}
		join(waiting);
		join(blocked);
	}

	@Test
	void anIntervalLeavesOutTheLargerOfRunQueueDelayAndTimeBlockedOnMonitors() {
		WorkerSampler.Interval interval = new WorkerSampler.Interval();
		interval.cpu = 3_000_000;
		interval.busy = 120_000_000;
		interval.runQueue = 20_000_000;
		interval.monitorBlockedShare = 0.5;
		assertThat(interval.blockingRatio()).isCloseTo(1 - 3.0 / 60, within(1e-9));
		interval.monitorBlockedShare = 0.1;
		assertThat(interval.blockingRatio()).isEqualTo(BlockingRatio.corrected(3_000_000, 120_000_000, 20_000_000));
		// where the platform reports no run-queue delay, only the monitors are left out
		interval.runQueueKnown = false;
		assertThat(interval.blockingRatio()).isCloseTo(1 - 3.0 / 108, within(1e-9));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Waits, within a generous bound, until {@code thread} is in {@code state}. */
	private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LONG_DELAY_MS);
		while (thread.getState() != state) {
			assertThat(System.nanoTime() - deadline).as("%s %s", thread.getName(), state).isNegative();
			Thread.sleep(1);
		}
	}

}
