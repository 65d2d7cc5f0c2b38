package io.betapool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a pool's state and recent performance.
 *
 * <p>Rates and percentiles cover the recent window of the controller (the last
 * {@value io.betapool.measure.RecentWindow#TICKS} ticks, five seconds at the default interval);
 * thread count, queue size and totals are read when the snapshot is taken.
 *
 * @param currentThreads the threads the pool has now
 * @param minWorkers the smallest size the controller may choose
 * @param maxWorkers the largest size the controller may choose
 * @param totalTasks tasks completed since the pool started, failed ones included
 * @param avgBlockingRatio the blocking ratio β of the recent window, in [0, 1]; NaN before any task ran
 * @param throughput completed tasks per second over the recent window
 * @param p50Latency median time from submission to completion, queue wait included
 * @param p99Latency 99th percentile of the time from submission to completion, queue wait included
 * @param p99ExecutionTime 99th percentile of the time a task ran on its worker, queue wait excluded
 * @param queueSize tasks waiting for a thread
 * @param scaleUpCount how often the controller has grown the pool
 * @param scaleDownCount how often the controller has shrunk the pool
 * @param cpuUtilization CPU utilisation in percent, as the controller last read it
 */
public record PoolMetrics(int currentThreads, int minWorkers, int maxWorkers, long totalTasks, double avgBlockingRatio,
		double throughput, Duration p50Latency, Duration p99Latency, Duration p99ExecutionTime, int queueSize,
		long scaleUpCount, long scaleDownCount, double cpuUtilization) {

	public PoolMetrics {
		Objects.requireNonNull(p50Latency, "p50Latency");
		Objects.requireNonNull(p99Latency, "p99Latency");
		Objects.requireNonNull(p99ExecutionTime, "p99ExecutionTime");
	}

	/**
	 * The snapshot with the seed library's keys; times are in seconds, as the seed reports them.
	 * Keys: {@code current_threads}, {@code min_workers}, {@code max_workers}, {@code total_tasks},
	 * {@code avg_blocking_ratio}, {@code throughput}, {@code p50_latency}, {@code p99_latency},
	 * {@code p99_execution_time}, {@code queue_size}, {@code scale_up_count}, {@code scale_down_count},
	 * {@code cpu_utilization}.
	 */
	public Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("current_threads", this.currentThreads);
		map.put("min_workers", this.minWorkers);
		map.put("max_workers", this.maxWorkers);
		map.put("total_tasks", this.totalTasks);
		map.put("avg_blocking_ratio", this.avgBlockingRatio);
		map.put("throughput", this.throughput);
		map.put("p50_latency", seconds(this.p50Latency));
		map.put("p99_latency", seconds(this.p99Latency));
		map.put("p99_execution_time", seconds(this.p99ExecutionTime));
		map.put("queue_size", this.queueSize);
		map.put("scale_up_count", this.scaleUpCount);
		map.put("scale_down_count", this.scaleDownCount);
		map.put("cpu_utilization", this.cpuUtilization);
		return map;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

}
