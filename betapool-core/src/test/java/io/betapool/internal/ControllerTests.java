package io.betapool.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import io.betapool.control.ControlSample;
import io.betapool.control.ScalingPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The controller loop on a real engine with scripted policies.
 */
class ControllerTests {

	private static final long TIMEOUT_SECONDS = 30;

	@Test
	void aPolicyThatThrowsDoesNotStopTheControllerOrThePool() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		CountDownLatch recovered = new CountDownLatch(3);
		ScalingPolicy flaky = new ScalingPolicy() {

			@Override
			public ScalingDecision decide(ControlSample sample) {
				if (calls.incrementAndGet() <= 3) {
					throw new IllegalStateException("policy failure " + calls.get());
				}
				recovered.countDown();
				return new ScalingDecision(sample.timestamp(), sample.currentThreads(), sample.currentThreads(),
						Double.NaN, Double.NaN, 0, ScalingAction.HOLD, "Recovered.");
			}

			@Override
			public double blockingRatioOf(ControlSample sample) {
				return sample.blockingRatio();
			}

		};
		PoolEngine engine = PoolEngine.start(new PoolEngine.Settings().threadNamePrefix("flaky-")
			.bounds(1, 2)
			.monitorInterval(Duration.ofMillis(5))
			.policy(flaky));
		try {
			assertThat(recovered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			Future<String> result = engine.executor().submit(() -> "still serving");
			assertThat(result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("still serving");
			assertThat(engine.decisions()).isNotEmpty().allMatch((d) -> d.reason().equals("Recovered."));
		}
		finally {
			engine.shutdown();
			assertThat(engine.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(engine.isTerminated()).isTrue();
	}

	@Test
	void resizesGoThroughTheResizerWithinTheBounds() throws Exception {
		AtomicInteger next = new AtomicInteger();
		int[] sizes = { 6, 2, 8, 1, 5 };
		CountDownLatch done = new CountDownLatch(sizes.length);
		ScalingPolicy scripted = new ScalingPolicy() {

			@Override
			public ScalingDecision decide(ControlSample sample) {
				int i = next.getAndIncrement();
				int size = (i < sizes.length) ? sizes[i] : sample.currentThreads();
				if (i < sizes.length) {
					done.countDown();
				}
				ScalingAction action = (size > sample.currentThreads()) ? ScalingAction.SCALE_UP
						: (size < sample.currentThreads()) ? ScalingAction.SCALE_DOWN : ScalingAction.HOLD;
				return new ScalingDecision(sample.timestamp(), sample.currentThreads(), size, Double.NaN, Double.NaN,
						0, action, "Scripted.");
			}

			@Override
			public double blockingRatioOf(ControlSample sample) {
				return sample.blockingRatio();
			}

		};
		PoolEngine engine = PoolEngine.start(new PoolEngine.Settings().threadNamePrefix("scripted-")
			.bounds(1, 8)
			.monitorInterval(Duration.ofMillis(5))
			.policy(scripted));
		try {
			assertThat(done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			// the latch opens inside the last scripted decision, before the controller applies and publishes it
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
			while (engine.metrics().scaleUpCount() < 3 && deadline - System.nanoTime() > 0) {
				Thread.onSpinWait();
			}
			assertThat(engine.decisionCount(ScalingAction.SCALE_UP)).isEqualTo(3);
			assertThat(engine.decisionCount(ScalingAction.SCALE_DOWN)).isEqualTo(2);
			assertThat(engine.targetSize()).isEqualTo(5);
			assertThat(engine.metrics().scaleUpCount()).isEqualTo(3);
		}
		finally {
			engine.shutdownNow();
			assertThat(engine.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void aSettlingPolicyIsAskedAgainWithinAFractionOfTheInterval() throws Exception {
		CountDownLatch decided = new CountDownLatch(3);
		ScalingPolicy settling = new ScalingPolicy() {

			@Override
			public ScalingDecision decide(ControlSample sample) {
				decided.countDown();
				return new ScalingDecision(sample.timestamp(), sample.currentThreads(), sample.currentThreads(),
						Double.NaN, Double.NaN, 0, ScalingAction.HOLD, "Settling.");
			}

			@Override
			public double blockingRatioOf(ControlSample sample) {
				return sample.blockingRatio();
			}

			@Override
			public boolean isSettling() {
				return true;
			}

		};
		// at the interval, three decisions would take three minutes
		PoolEngine engine = PoolEngine.start(new PoolEngine.Settings().threadNamePrefix("settling-")
			.bounds(1, 8)
			.monitorInterval(Duration.ofMinutes(1))
			.policy(settling));
		try {
			assertThat(decided.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			engine.shutdownNow();
			assertThat(engine.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void aSmallPoolWhoseLookShowsNewWorkTicksBeforeTheInterval() throws Exception {
		assertALookShowsNewWork(5, 4_000);
	}

	@Test
	void aLookAtTasksLongerThanItsPeriodSpansAsManyPeriodsAsTheyNeed() throws Exception {
		// 150 ms tasks: no worker completes two within one 100 ms look
		assertALookShowsNewWork(150, 200);
	}

	private static void assertALookShowsNewWork(long sleepMillis, int tasks) throws Exception {
		assumeTrue(Files.isReadable(Path.of("/proc/thread-self/schedstat")), "Linux scheduler statistics");
		CountDownLatch secondDecision = new CountDownLatch(2);
		CountDownLatch looked = new CountDownLatch(1);
		ScalingPolicy policy = new ScalingPolicy() {

			@Override
			public ScalingDecision decide(ControlSample sample) {
				secondDecision.countDown();
				return new ScalingDecision(sample.timestamp(), sample.currentThreads(), sample.currentThreads(),
						Double.NaN, Double.NaN, 0, ScalingAction.HOLD, "Holding.");
			}

			@Override
			public double blockingRatioOf(ControlSample sample) {
				return sample.blockingRatio();
			}

			@Override
			public boolean isNewWork(double blockingRatio) {
				// the tasks below sleep: a look at them reads a high β
				boolean sleeping = blockingRatio > 0.5;
				if (sleeping) {
					looked.countDown();
				}
				return sleeping;
			}

		};
		// the first tick comes after 100 ms; at the interval, the second would take an hour
		PoolEngine engine = PoolEngine.start(new PoolEngine.Settings().threadNamePrefix("looking-")
			.bounds(2, 2)
			.monitorInterval(Duration.ofHours(1))
			.policy(policy));
		try {
			for (int i = 0; i < tasks; i++) {
				engine.executor().execute(() -> {
					try {
						Thread.sleep(sleepMillis);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
			}
			assertThat(looked.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			assertThat(secondDecision.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			engine.shutdownNow();
			assertThat(engine.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void timesEveryTaskAtLowRatesAndAboutAThousandATickAtHighRates() {
		assertThat(Controller.sampleMask(0)).isZero();
		assertThat(Controller.sampleMask(2_000)).isZero();
		assertThat(Controller.sampleMask(4_096)).isEqualTo(3);
		assertThat(Controller.sampleMask(100_000)).isEqualTo(63);
		assertThat(100_000 / (Controller.sampleMask(100_000) + 1)).isBetween(1_024, 2_048);
		assertThat(Controller.sampleMask(Long.MAX_VALUE)).isEqualTo(1023);
	}

}
