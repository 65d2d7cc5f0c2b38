package io.betapool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code getMetrics()} is current when it is called, not a snapshot of the controller's last tick: a
 * caller who has seen its futures complete sees them counted and timed.
 */
class CurrentMetricsTests {

	private static final int TASKS = 20;

	private static final long TASK_MILLIS = 20;

	@Test
	void rightAfterABatchTheTotalIsExactAndThePercentilesIncludeItsSlowestTask() throws Exception {
		// one thread and a tick an hour away: every figure below comes from the call, none from a tick
		try (AdaptiveThreadPoolExecutor executor = AdaptiveThreadPoolExecutor.builder().minWorkers(1).maxWorkers(1)
			.config(ControllerConfig.builder().monitorInterval(Duration.ofHours(1)).build()).build()) {
			List<Callable<Integer>> batch = new ArrayList<>();
			for (int i = 0; i < TASKS; i++) {
				int n = i;
				batch.add(() -> {
					Thread.sleep(TASK_MILLIS);
					return n;
				});
			}
			List<Future<Integer>> futures = executor.invokeAll(batch);
			assertThat(futures).allMatch(Future::isDone);
			PoolMetrics metrics = executor.getMetrics();
			assertThat(metrics.totalTasks()).isEqualTo(TASKS);
			// the last task waited for the 19 before it on the single thread, then ran itself
			assertThat(metrics.p99Latency()).isGreaterThanOrEqualTo(Duration.ofMillis(TASKS * TASK_MILLIS * 99 / 100));
			assertThat(metrics.p99ExecutionTime()).isGreaterThanOrEqualTo(Duration.ofMillis(TASK_MILLIS * 99 / 100));
			assertThat(metrics.throughput()).isPositive();
		}
	}

	@Test
	void aFailedFutureIsCountedBeforeItsFailureIsSeen() throws Exception {
		try (AdaptiveThreadPoolExecutor executor = AdaptiveThreadPoolExecutor.builder().minWorkers(1).maxWorkers(1)
			.config(ControllerConfig.builder().monitorInterval(Duration.ofHours(1)).build()).build()) {
			for (int i = 1; i <= 50; i++) {
				Future<Object> failing = executor.submit(() -> {
					throw new IllegalStateException("failed on purpose");
				});
				try {
					failing.get(30, TimeUnit.SECONDS);
				}
				catch (ExecutionException expected) {
					// the failure itself is what this task is for
				}
				assertThat(executor.getMetrics().totalTasks()).isEqualTo(i);
			}
		}
	}

}
