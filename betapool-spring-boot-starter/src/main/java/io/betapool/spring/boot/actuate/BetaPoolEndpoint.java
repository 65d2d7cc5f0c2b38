package io.betapool.spring.boot.actuate;

import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.Policy;
import io.betapool.PoolMetrics;
import io.betapool.ScalingDecision;
import io.betapool.spring.boot.advice.PoolAdvice;
import io.betapool.spring.boot.advice.PoolAdvisor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@link Endpoint @Endpoint} {@code betapool}: for each adaptive pool, its current metrics, its effective
 * configuration and the controller's recent decisions; it shows no task, argument or result. Its write
 * operation changes a running pool, and is refused unless the operator allows it (see below).
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
 *         "policy": "ADAPTIVE", "monitorInterval": "500ms", "betaHighThreshold": 0.7, "betaLowThreshold": 0.3,
 *         "scaleUpStep": 2, "scaleDownStep": 1, "cpuUpperThreshold": 85.0, "cpuLowerThreshold": 50.0,
 *         "stabilizationWindow": "2s", "warmupTaskCount": 10, "keepAlive": "1m", "decisionHistorySize": 1000,
 *         "controller": "running"
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
 * <li>Latencies of the metrics ({@code p50Latency}, {@code p99Latency}, {@code p99ExecutionTime}) are
 * numbers of seconds, as Micrometer's base unit; durations of the configuration ({@code monitorInterval},
 * {@code stabilizationWindow}, {@code keepAlive}) carry their unit and are written as in {@code application.yml}, in the
 * largest unit that keeps them exact: {@code "500ms"}, {@code "2s"}, {@code "1h"}.</li>
 * <li>A number that is not known yet (the blocking ratio before any task ran, the CPU utilization before
 * the first reading) is {@code null}; every key is always present.</li>
 * <li>{@code queueCapacity} is {@code 2147483647} when the queue is unbounded.</li>
 * <li>{@code decisions} lists the kept decisions newest first; {@code action} is one of
 * {@code SCALE_UP}, {@code SCALE_DOWN}, {@code HOLD}, {@code VETO}; {@code timestamp} is ISO-8601.</li>
 * </ul>
 * {@code GET /actuator/betapool/{name}} answers with the entry of one pool, or 404.
 *
 * <p>With advice on ({@code betapool.advice.enabled}), {@code advice.pools} holds, for each
 * {@code ThreadPoolTaskExecutor} and {@code ThreadPoolExecutor} bean the application defines itself,
 * the size the adaptive policy would give it and why ("would run 6 threads, because …"), and
 * {@code advice.costPercentOfOneCore} what measuring them costs.
 *
 * <h2>Changing a pool while it runs</h2>
 * {@code POST /actuator/betapool/{name}} with a JSON body of any of {@code minWorkers}, {@code maxWorkers},
 * {@code policy} ({@code adaptive} or {@code seed}) and {@code controller} ({@code paused} or
 * {@code running}) changes that pool: new bounds apply at once (a pool outside them is resized into them),
 * a new policy starts from the current size, and a paused controller holds the current size until it
 * runs again. Every value is checked before any is applied; a bad one is a 400 naming the field, the
 * value and what is allowed. Each change is recorded as a decision whose reason names it; the answer
 * lists those decisions and the pool's new state.
 * <pre>{@code
 * curl -X POST localhost:8080/actuator/betapool/applicationTaskExecutor \
 *      -H 'Content-Type: application/json' -d '{"maxWorkers": 32, "controller": "paused"}'
 * }</pre>
 * The endpoint's default access is {@link Access#READ_ONLY read-only}: the write operation exists only
 * when the application sets {@code management.endpoint.betapool.access=unrestricted}, and should then be
 * secured like any other write to the application.
 */
@Endpoint(id = "betapool", defaultAccess = Access.READ_ONLY)
public class BetaPoolEndpoint {

	private final Map<String, AdaptiveThreadPoolExecutor> executors;

	private final @Nullable PoolAdvisor advisor;

	/**
	 * An endpoint for the given pools.
	 * @param executors the pools, by the name to show them under
	 */
	public BetaPoolEndpoint(Map<String, AdaptiveThreadPoolExecutor> executors) {
		this(executors, null);
	}

	/**
	 * An endpoint for the given pools and the advice on the application's own pools.
	 * @param executors the pools, by the name to show them under
	 * @param advisor the advisor of the pools the application owns, or {@code null} when advice is off
	 */
	public BetaPoolEndpoint(Map<String, AdaptiveThreadPoolExecutor> executors, @Nullable PoolAdvisor advisor) {
		this.executors = new LinkedHashMap<>(Objects.requireNonNull(executors, "executors"));
		this.advisor = advisor;
	}

	/**
	 * Describes every pool.
	 * @return the descriptions, by pool name
	 */
	@ReadOperation
	public ExecutorsDescriptor executors() {
		Map<String, ExecutorDescriptor> descriptors = new LinkedHashMap<>();
		this.executors.forEach((name, executor) -> descriptors.put(name, describe(executor)));
		PoolAdvisor advisor = this.advisor;
		AdviceDescriptor advice = (advisor != null)
				? new AdviceDescriptor(advisor.advice(), advisor.costPercentOfOneCore()) : null;
		return new ExecutorsDescriptor(descriptors, advice);
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

	/**
	 * Changes one pool: its bounds, its policy, whether its controller runs.
	 * @param name the name of the pool
	 * @param minWorkers the new smallest size, an integer of at least 1
	 * @param maxWorkers the new largest size, an integer of at least the smallest
	 * @param policy the new policy, {@code adaptive} or {@code seed}
	 * @param controller {@code paused} to hold the current size, {@code running} to decide again
	 * @return 200 with the decisions recorded and the pool's state, 400 naming a bad value, or 404
	 */
	@WriteOperation
	public WebEndpointResponse<Object> change(@Selector String name, @Nullable String minWorkers,
			@Nullable String maxWorkers, @Nullable String policy, @Nullable String controller) {
		AdaptiveThreadPoolExecutor executor = this.executors.get(name);
		if (executor == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		Change change;
		try {
			change = Change.parse(executor, minWorkers, maxWorkers, policy, controller);
		}
		catch (InvalidChangeException ex) {
			return new WebEndpointResponse<>(ex.error(), WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		List<ScalingDecision> recorded = new ArrayList<>();
		synchronized (executor) {
			if (change.minWorkers() != executor.getMinWorkers() || change.maxWorkers() != executor.getMaxWorkers()) {
				recorded.add(executor.setWorkerBounds(change.minWorkers(), change.maxWorkers()));
			}
			if (change.policy() != null && change.policy() != executor.getConfig().policy()) {
				recorded.add(executor.setPolicy(change.policy()));
			}
			if (change.paused() != null && change.paused() != executor.isControllerPaused()) {
				recorded.add(change.paused() ? executor.pauseController() : executor.resumeController());
			}
		}
		List<DecisionDescriptor> changes = recorded.stream().map(DecisionDescriptor::of).toList();
		return new WebEndpointResponse<>(new ChangeDescriptor(changes, describe(executor)),
				WebEndpointResponse.STATUS_OK);
	}

	private static ExecutorDescriptor describe(AdaptiveThreadPoolExecutor executor) {
		return new ExecutorDescriptor(MetricsDescriptor.of(executor), ConfigurationDescriptor.of(executor),
				DecisionDescriptor.newestFirst(executor.getDecisionHistory()));
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static final ChronoUnit[] DURATION_UNITS = { ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
			ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS };

	/**
	 * A duration as a property value, in the largest unit that keeps it exact: {@code 500ms}, {@code 2s}.
	 */
	static String withUnit(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		for (ChronoUnit unit : DURATION_UNITS) {
			if (isMultiple(duration, unit.getDuration())) {
				return DurationStyle.SIMPLE.print(duration, unit);
			}
		}
		throw new IllegalStateException("Every duration is a multiple of a nanosecond");
	}

	private static boolean isMultiple(Duration duration, Duration unit) {
		if (unit.getSeconds() > 0) {
			return duration.getNano() == 0 && duration.getSeconds() % unit.getSeconds() == 0;
		}
		return duration.getNano() % unit.getNano() == 0;
	}

	private static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	/**
	 * A checked request to change a pool: the bounds it will have, and the policy and controller state
	 * asked for, if any.
	 */
	private record Change(int minWorkers, int maxWorkers, @Nullable Policy policy, @Nullable Boolean paused) {

		private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

		static Change parse(AdaptiveThreadPoolExecutor executor, @Nullable String minWorkers,
				@Nullable String maxWorkers, @Nullable String policy, @Nullable String controller) {
			if (minWorkers == null && maxWorkers == null && policy == null && controller == null) {
				throw new InvalidChangeException("body", null,
						"one of minWorkers, maxWorkers, policy or controller to change");
			}
			int min = (minWorkers != null) ? integer("minWorkers", minWorkers, 1, "an integer of at least 1")
					: executor.getMinWorkers();
			int max;
			if (maxWorkers != null) {
				max = integer("maxWorkers", maxWorkers, min, "an integer of at least minWorkers (" + min + ")");
			}
			else {
				max = executor.getMaxWorkers();
				if (max < min) {
					throw new InvalidChangeException("minWorkers", minWorkers,
							"an integer from 1 to maxWorkers (" + max + "), or set maxWorkers too");
				}
			}
			return new Change(min, max, (policy != null) ? policy(policy) : null,
					(controller != null) ? paused(controller) : null);
		}

		private static int integer(String field, String value, int minimum, String allowed) {
			String written = value.strip();
			if (!WHOLE_NUMBER.matcher(written).matches()) {
				throw new InvalidChangeException(field, value, allowed);
			}
			BigInteger number = new BigInteger(written);
			if (number.compareTo(BigInteger.valueOf(minimum)) < 0
					|| number.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
				throw new InvalidChangeException(field, value, allowed);
			}
			return number.intValue();
		}

		private static Policy policy(String value) {
			for (Policy candidate : Policy.values()) {
				if (candidate.name().equalsIgnoreCase(value.strip())) {
					return candidate;
				}
			}
			throw new InvalidChangeException("policy", value, "one of adaptive, seed");
		}

		private static boolean paused(String value) {
			return switch (value.strip().toLowerCase(Locale.ROOT)) {
				case "paused" -> true;
				case "running" -> false;
				default -> throw new InvalidChangeException("controller", value, "one of paused, running");
			};
		}

	}

	/**
	 * A value of a change that is not allowed.
	 */
	private static final class InvalidChangeException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String field;

		private final @Nullable String value;

		private final String allowed;

		InvalidChangeException(String field, @Nullable String value, String allowed) {
			super(field + " must be " + allowed + ((value != null) ? ", but was '" + value + "'" : ""));
			this.field = field;
			this.value = value;
			this.allowed = allowed;
		}

		ErrorDescriptor error() {
			return new ErrorDescriptor("Bad Request", this.field, this.value, this.allowed, getMessage());
		}

	}

	/**
	 * Why a change was refused.
	 * @param error {@code Bad Request}
	 * @param field the field at fault, or {@code body} when nothing was asked
	 * @param value the value refused, as written
	 * @param allowed what the field accepts
	 * @param message the whole sentence
	 */
	public record ErrorDescriptor(String error, String field,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String value, String allowed, String message) {

	}

	/**
	 * What a change did.
	 * @param changes the decisions it recorded, in the order made; empty when every value was already set
	 * @param executor the pool after it
	 */
	public record ChangeDescriptor(List<DecisionDescriptor> changes, ExecutorDescriptor executor)
			implements OperationResponseBody {

	}

	/**
	 * Every pool, by name.
	 * @param executors the description of each pool
	 * @param advice advice on the pools the application owns, or {@code null} when advice is off
	 */
	public record ExecutorsDescriptor(Map<String, ExecutorDescriptor> executors, @Nullable AdviceDescriptor advice)
			implements OperationResponseBody {

		public ExecutorsDescriptor(Map<String, ExecutorDescriptor> executors) {
			this(executors, null);
		}

	}

	/**
	 * What the adaptive policy would do with the pools the application owns, which it never resizes.
	 * @param pools the latest advice for each pool, by bean name, with a line such as "would run 6
	 * threads, because …"
	 * @param costPercentOfOneCore the CPU time the measuring thread has used, in percent of one core
	 */
	public record AdviceDescriptor(Map<String, PoolAdvice> pools, double costPercentOfOneCore) {

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
	 * The configuration a pool runs with; durations carry their unit.
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
	 * @param warmupTaskCount tasks that must complete before the first resize (seed policy)
	 * @param keepAlive how long spare threads stay idle before they retire (adaptive policy)
	 * @param decisionHistorySize decisions kept
	 * @param controller {@code running}, or {@code paused} while the pool holds its size by request
	 */
	public record ConfigurationDescriptor(int minWorkers, int maxWorkers, int queueCapacity, String threadNamePrefix,
			String policy, String monitorInterval, double betaHighThreshold, double betaLowThreshold, int scaleUpStep,
			int scaleDownStep, double cpuUpperThreshold, double cpuLowerThreshold, String stabilizationWindow,
			int warmupTaskCount, String keepAlive, int decisionHistorySize, String controller) {

		static ConfigurationDescriptor of(AdaptiveThreadPoolExecutor executor) {
			ControllerConfig config = executor.getConfig();
			return new ConfigurationDescriptor(executor.getMinWorkers(), executor.getMaxWorkers(),
					executor.getQueueCapacity(), executor.getThreadNamePrefix(), config.policy().name(),
					withUnit(config.monitorInterval()), config.betaHighThreshold(), config.betaLowThreshold(),
					config.scaleUpStep(), config.scaleDownStep(), config.cpuUpperThreshold(),
					config.cpuLowerThreshold(), withUnit(config.stabilizationWindow()), config.warmupTaskCount(),
					withUnit(config.keepAlive()), config.decisionHistorySize(), executor.isControllerPaused() ? "paused" : "running");
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
