package io.betapool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Changes made to a running pool: its bounds, its policy, and pausing its controller. Each is checked,
 * applied at once and recorded as a decision that names it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LiveChangesTests {

	private final List<AdaptiveThreadPoolExecutor> executors = new ArrayList<>();

	private AdaptiveThreadPoolExecutor pool(int min, int max, Duration interval) {
		AdaptiveThreadPoolExecutor executor = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(min)
			.maxWorkers(max)
			.config(ControllerConfig.builder().monitorInterval(interval).warmupTaskCount(0).build())
			.build();
		this.executors.add(executor);
		return executor;
	}

	@AfterEach
	void shutDown() throws InterruptedException {
		for (AdaptiveThreadPoolExecutor executor : this.executors) {
			executor.shutdownNow();
			assertThat(executor.awaitTermination(LONG_DELAY.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		}
	}

	@Test
	void raisingTheMinimumGrowsThePoolAtOnceAndRecordsTheChange() {
		AdaptiveThreadPoolExecutor executor = pool(2, 8, Duration.ofHours(1));
		ScalingDecision decision = executor.setWorkerBounds(5, 10);
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(decision.threadsBefore()).isEqualTo(2);
		assertThat(decision.threadsAfter()).isEqualTo(5);
		assertThat(decision.reason()).contains("[2, 8]", "[5, 10]");
		assertThat(executor.getTargetPoolSize()).isEqualTo(5);
		assertThat(executor.getMinWorkers()).isEqualTo(5);
		assertThat(executor.getMaxWorkers()).isEqualTo(10);
		assertThat(executor.getMetrics().minWorkers()).isEqualTo(5);
		assertThat(executor.getMetrics().maxWorkers()).isEqualTo(10);
		assertThat(executor.getMetrics().scaleUpCount()).isEqualTo(1);
		assertThat(executor.threadPoolView().getMaximumPoolSize()).isEqualTo(10);
		assertThat(executor.getDecisionHistory()).containsExactly(decision);
		assertThat(executor.getDecisionCount(ScalingAction.SCALE_UP)).isEqualTo(1);
	}

	@Test
	void loweringTheMaximumShrinksThePoolAtOnce() {
		AdaptiveThreadPoolExecutor executor = pool(6, 8, Duration.ofHours(1));
		ScalingDecision decision = executor.setWorkerBounds(1, 3);
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(decision.threadsAfter()).isEqualTo(3);
		assertThat(executor.getTargetPoolSize()).isEqualTo(3);
		assertThat(executor.getMetrics().scaleDownCount()).isEqualTo(1);
	}

	@Test
	void boundsAroundTheCurrentSizeKeepIt() {
		AdaptiveThreadPoolExecutor executor = pool(4, 8, Duration.ofHours(1));
		ScalingDecision decision = executor.setWorkerBounds(2, 16);
		assertThat(decision.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(decision.threadsAfter()).isEqualTo(4);
		assertThat(decision.reason()).contains("keeps its 4 threads");
	}

	@Test
	void refusesInvalidBoundsNamingTheValueAndChangesNothing() {
		AdaptiveThreadPoolExecutor executor = pool(2, 8, Duration.ofHours(1));
		assertThatIllegalArgumentException().isThrownBy(() -> executor.setWorkerBounds(0, 8))
			.withMessage("minWorkers must be >= 1, but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> executor.setWorkerBounds(6, 3))
			.withMessage("maxWorkers must be >= minWorkers (6), but was 3");
		assertThat(executor.getMinWorkers()).isEqualTo(2);
		assertThat(executor.getMaxWorkers()).isEqualTo(8);
		assertThat(executor.getDecisionHistory()).isEmpty();
	}

	@Test
	void swapsThePolicyAndRecordsTheChange() {
		AdaptiveThreadPoolExecutor executor = pool(2, 8, Duration.ofHours(1));
		ScalingDecision decision = executor.setPolicy(Policy.SEED);
		assertThat(executor.getConfig().policy()).isEqualTo(Policy.SEED);
		assertThat(decision.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(decision.reason()).startsWith("Policy changed from ADAPTIVE to SEED");
		assertThat(executor.toString()).contains("policy=SEED");
	}

	@Test
	void aPausedControllerHoldsTheSizeWhileWorkWaitsAndDecidesAgainOnceResumed() {
		AdaptiveThreadPoolExecutor executor = pool(1, 8, Duration.ofMillis(20));
		ScalingDecision pause = executor.pauseController();
		assertThat(executor.isControllerPaused()).isTrue();
		assertThat(pause.reason()).startsWith("Controller paused");
		for (int i = 0; i < 2000; i++) {
			executor.execute(LiveChangesTests::waitTwoMillis);
		}
		// ticks still measure while paused: the β of the waiting tasks becomes known
		await().atMost(LONG_DELAY)
			.until(() -> !Double.isNaN(executor.getMetrics().avgBlockingRatio()) && executor.getMetrics().totalTasks() >= 50);
		assertThat(executor.getMetrics().queueSize()).isPositive();
		assertThat(executor.getTargetPoolSize()).isEqualTo(1);
		assertThat(executor.getDecisionHistory()).containsExactly(pause);

		ScalingDecision resume = executor.resumeController();
		assertThat(executor.isControllerPaused()).isFalse();
		assertThat(resume.reason()).startsWith("Controller resumed");
		await().atMost(LONG_DELAY).until(() -> executor.getTargetPoolSize() > 1);
		assertThat(executor.getDecisionHistory()).startsWith(pause, resume);
	}

	private static void waitTwoMillis() {
		try {
			TimeUnit.MILLISECONDS.sleep(2);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void refusesChangesOnceShutDown() {
		AdaptiveThreadPoolExecutor executor = pool(2, 8, Duration.ofHours(1));
		executor.shutdown();
		assertThatIllegalStateException().isThrownBy(() -> executor.setWorkerBounds(2, 4));
		assertThatIllegalStateException().isThrownBy(() -> executor.setPolicy(Policy.SEED));
		assertThatIllegalStateException().isThrownBy(executor::pauseController);
	}

}
