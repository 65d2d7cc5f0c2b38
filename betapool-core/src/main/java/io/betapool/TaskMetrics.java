package io.betapool;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.betapool.measure.BlockingRatio;
import org.jspecify.annotations.Nullable;

/**
 * What one task cost: the seed's per-task record. Produced only when a task-metrics listener is
 * registered with {@link AdaptiveThreadPoolExecutor.Builder#taskMetricsListener}, because
 * reading a thread's CPU time costs about a microsecond per call.
 *
 * @param taskId the pool-wide sequence number of the task
 * @param wallTime how long the task ran, from its start to its end on the worker
 * @param cpuTime the CPU time the worker thread used while running it
 * @param blockingRatio {@code 1 - cpuTime / wallTime}, clamped to [0, 1]
 * @param timestamp when the task ended
 * @param success whether the task ended without throwing
 * @param errorMessage the thrown exception's description when it did not, else {@code null}
 */
public record TaskMetrics(long taskId, Duration wallTime, Duration cpuTime, double blockingRatio, Instant timestamp,
		boolean success, @Nullable String errorMessage) {

	public TaskMetrics {
		Objects.requireNonNull(wallTime, "wallTime");
		Objects.requireNonNull(cpuTime, "cpuTime");
		Objects.requireNonNull(timestamp, "timestamp");
		blockingRatio = BlockingRatio.clamp(blockingRatio);
	}

	/**
	 * The record of a task from its measured wall and CPU time; β is derived and clamped.
	 */
	public static TaskMetrics of(long taskId, Duration wallTime, Duration cpuTime, Instant timestamp,
			@Nullable Throwable failure) {
		double beta = BlockingRatio.of(cpuTime.toNanos(), wallTime.toNanos());
		return new TaskMetrics(taskId, wallTime, cpuTime, Double.isNaN(beta) ? 0.0 : beta, timestamp,
				failure == null, (failure != null) ? failure.toString() : null);
	}

}
