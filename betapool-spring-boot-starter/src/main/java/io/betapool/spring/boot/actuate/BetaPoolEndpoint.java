package io.betapool.spring.boot.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.PoolMetrics;
import io.betapool.ScalingDecision;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} {@code betapool}: for each adaptive pool, its current metrics, its effective
 * configuration and the controller's recent decisions. Read-only; it shows no task, argument or result.
 *
 * <p>{@code GET /actuator/betapool} answers, with one entry per pool named by its bean:
 * <pre>{@code
 * {
 *   "executors": {
 *     "applicationTaskExecutor": {
 *       "metrics": {
 *         "currentThreads": 6, "minWorkers": 4, "maxWorkers": 64, "targetThreads": 6,
 *         "totalTasks": 1520, "avgBlockingRatio": 0.81, "throughput": 212.4,
 *         "p50Latency": 0.0102, "p99Latency": 0.0311, "p99ExecutionTime": 0.0208,
 *         "queueSize": 0, "scaleUpCount": 1, "scaleDownCount": 0, "cpuUtilization": 23.5
 *       },
 *       "configuration": {
 *         "minWorkers": 4, "maxWorkers": 64, "queueCapacity": 2147483647, "threadNamePrefix": "betapool-",
 *         "policy": "ADAPTIVE", "monitorInterval": 0.5, "betaHighThreshold": 0.7, "betaLowThreshold": 0.3,
 *         "scaleUpStep": 2, "scaleDownStep": 1, "cpuUpperThreshold": 85.0, "cpuLowerThreshold": 50.0,
 *         "stabilizationWindow": 2.0, "warmupTaskCount": 10, "decisionHistorySize": 1000
 *       },
 *       "decisions": [
 *         { "timestamp": "2026-01-01T12:00:01.500Z", "action": "SCALE_UP", "threadsBefore": 4,
 *           "threadsAfter": 6, "blockingRatio": 0.81, "cpuPercent": 23.5, "throughput": 198.0,
 *           "reason": "..." }
 *       ]
 *     }
 *   }
 * }
 * }</pre>
 * <ul>
 * <li>Times ({@code p50Latency}, {@code p99Latency}, {@code p99ExecutionTime}, {@code monitorInterval},
 * {@code stabilizationWindow}) are in seconds.</li>
 * <li>A number that is not known yet (the blocking ratio before any task ran, the CPU utilization before
 * the first reading) is {@code null}; every key is always present.</li>
 * <li>{@code queueCapacity} is {@code 2147483647} when the queue is unbounded.</li>
 * <li>{@code decisions} lists the kept decisions newest first; {@code action} is one of
 * {@code SCALE_UP}, {@code SCALE_DOWN}, {@code HOLD}, {@code VETO}; {@code timestamp} is ISO-8601.</li>
 * </ul>
 * {@code GET /actuator/betapool/{name}} answers with the entry of one pool, or 404.
 */
@Endpoint(id = "betapool")
public class BetaPoolEndpoint {

	private final Map<String, AdaptiveThreadPoolExecutor> executors;

	/**
	 * An endpoint for the given pools.
	 * @param executors the pools, by the name to show them under
	 */
	public BetaPoolEndpoint(Map<String, AdaptiveThreadPoolExecutor> executors) {
		this.executors = new LinkedHashMap<>(Objects.requireNonNull(executors, "executors"));
	}

	/**
	 * Describes every pool.
	 * @return the descriptions, by pool name
	 */
	@ReadOperation
	public ExecutorsDescriptor executors() {
		Map<String, ExecutorDescriptor> descriptors = new LinkedHashMap<>();
		this.executors.forEach((name, executor) -> descriptors.put(name, describe(executor)));
		return new ExecutorsDescriptor(descriptors);
	}

	/**
	 * Describes one pool.
	 * @param name the name of the pool
	 * @return its description, or {@code null} if there is no pool of that name
	 */
	@ReadOperation
	public @Nullable ExecutorDescriptor executor(@Selector String name) {
		AdaptiveThreadPoolExecutor executor = this.executors.get(name);
		return (executor != null) ? describe(executor) : null;
	}

	private static ExecutorDescriptor describe(AdaptiveThreadPoolExecutor executor) {
		return new ExecutorDescriptor(MetricsDescriptor.of(executor), ConfigurationDescriptor.of(executor),
				DecisionDescriptor.newestFirst(executor.getDecisionHistory()));
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	/**
	 * Every pool, by name.
	 * @param executors the description of each pool
	 */
	public record ExecutorsDescriptor(Map<String, ExecutorDescriptor> executors) implements OperationResponseBody {

	}

	/**
	 * One pool.
	 * @param metrics its current metrics
	 * @param configuration the configuration it runs with
	 * @param decisions the controller's kept decisions, newest first
	 */
	public record ExecutorDescriptor(MetricsDescriptor metrics, ConfigurationDescriptor configuration,
			List<DecisionDescriptor> decisions) implements OperationResponseBody {

	}

	/**
	 * The current metrics of a pool; times in seconds.
	 * @param currentThreads threads the pool has now
	 * @param minWorkers the smallest size the controller may choose
	 * @param maxWorkers the largest size the controller may choose
	 * @param targetThreads the size the controller has set
	 * @param totalTasks tasks completed since the pool started
	 * @param avgBlockingRatio blocking ratio of the recent window, or {@code null} before any task ran
	 * @param throughput tasks completed per second over the recent window
	 * @param p50Latency median time from submission to completion
	 * @param p99Latency 99th percentile of the time from submission to completion
	 * @param p99ExecutionTime 99th percentile of the time a task ran on its worker
	 * @param queueSize tasks waiting for a thread
	 * @param scaleUpCount how often the controller has grown the pool
	 * @param scaleDownCount how often the controller has shrunk the pool
	 * @param cpuUtilization CPU utilization in percent, or {@code null} before the first reading
	 */
	public record MetricsDescriptor(int currentThreads, int minWorkers, int maxWorkers, int targetThreads,
			long totalTasks, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Double avgBlockingRatio,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Double throughput, double p50Latency,
			double p99Latency, double p99ExecutionTime, int queueSize, long scaleUpCount, long scaleDownCount,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Double cpuUtilization) {

		static MetricsDescriptor of(AdaptiveThreadPoolExecutor executor) {
			PoolMetrics metrics = executor.getMetrics();
			return new MetricsDescriptor(metrics.currentThreads(), metrics.minWorkers(), metrics.maxWorkers(),
					executor.getTargetPoolSize(), metrics.totalTasks(), finite(metrics.avgBlockingRatio()),
					finite(metrics.throughput()), seconds(metrics.p50Latency()), seconds(metrics.p99Latency()),
					seconds(metrics.p99ExecutionTime()), metrics.queueSize(), metrics.scaleUpCount(),
					metrics.scaleDownCount(), finite(metrics.cpuUtilization()));
		}

	}

	/**
	 * The configuration a pool runs with; times in seconds.
	 * @param minWorkers the smallest size the controller may choose
	 * @param maxWorkers the largest size the controller may choose
	 * @param queueCapacity tasks the queue holds, {@code 2147483647} when unbounded
	 * @param threadNamePrefix the prefix of worker thread names
	 * @param policy the control algorithm, {@code ADAPTIVE} or {@code SEED}
	 * @param monitorInterval how often the controller decides
	 * @param betaHighThreshold blocking ratio above which the seed policy grows the pool
	 * @param betaLowThreshold blocking ratio below which work counts as CPU-bound
	 * @param scaleUpStep threads added per seed step
	 * @param scaleDownStep threads retired per seed step
	 * @param cpuUpperThreshold CPU utilization in percent above which growth is vetoed
	 * @param cpuLowerThreshold CPU utilization in percent below which the CPU is never saturated
	 * @param stabilizationWindow quiet time after a resize
	 * @param warmupTaskCount tasks that must complete before the first resize
	 * @param decisionHistorySize decisions kept
	 */
	public record ConfigurationDescriptor(int minWorkers, int maxWorkers, int queueCapacity, String threadNamePrefix,
			String policy, double monitorInterval, double betaHighThreshold, double betaLowThreshold, int scaleUpStep,
			int scaleDownStep, double cpuUpperThreshold, double cpuLowerThreshold, double stabilizationWindow,
			int warmupTaskCount, int decisionHistorySize) {

		static ConfigurationDescriptor of(AdaptiveThreadPoolExecutor executor) {
			ControllerConfig config = executor.getConfig();
			return new ConfigurationDescriptor(executor.getMinWorkers(), executor.getMaxWorkers(),
					executor.getQueueCapacity(), executor.getThreadNamePrefix(), config.policy().name(),
					seconds(config.monitorInterval()), config.betaHighThreshold(), config.betaLowThreshold(),
					config.scaleUpStep(), config.scaleDownStep(), config.cpuUpperThreshold(),
					config.cpuLowerThreshold(), seconds(config.stabilizationWindow()), config.warmupTaskCount(),
					config.decisionHistorySize());
		}

	}

	/**
	 * One decision of the controller.
	 * @param timestamp when it was taken, ISO-8601
	 * @param action {@code SCALE_UP}, {@code SCALE_DOWN}, {@code HOLD} or {@code VETO}
	 * @param threadsBefore the target size before it
	 * @param threadsAfter the target size after it
	 * @param blockingRatio the blocking ratio it was based on, or {@code null} when unknown
	 * @param cpuPercent the CPU utilization it saw, or {@code null} when unknown
	 * @param throughput tasks completed per second in the interval it looked at
	 * @param reason why, in one sentence
	 */
	public record DecisionDescriptor(String timestamp, String action, int threadsBefore, int threadsAfter,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Double blockingRatio,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Double cpuPercent,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Double throughput, String reason) {

		static DecisionDescriptor of(ScalingDecision decision) {
			return new DecisionDescriptor(decision.timestamp().toString(), decision.action().name(),
					decision.threadsBefore(), decision.threadsAfter(), finite(decision.blockingRatio()),
					finite(decision.cpuPercent()), finite(decision.throughput()), decision.reason());
		}

		static List<DecisionDescriptor> newestFirst(List<ScalingDecision> oldestFirst) {
			List<DecisionDescriptor> descriptors = new ArrayList<>(oldestFirst.size());
			for (int i = oldestFirst.size() - 1; i >= 0; i--) {
				descriptors.add(of(oldestFirst.get(i)));
			}
			return Collections.unmodifiableList(descriptors);
		}

	}

}
