package io.betapool.spring.boot.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.ToDoubleFunction;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.PoolMetrics;
import io.betapool.ScalingAction;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

/**
 * Binds the meters of adaptive pools, each tagged {@code name} with the name of its bean.
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>unit</th><th>what</th></tr>
 * <tr><td>{@code betapool.threads}</td><td>gauge</td><td>threads</td><td>threads the pool has now</td></tr>
 * <tr><td>{@code betapool.beta}</td><td>gauge</td><td></td><td>blocking ratio of the recent window, from 0 to 1; NaN before any task ran</td></tr>
 * <tr><td>{@code betapool.throughput}</td><td>gauge</td><td>tasks per second (no base unit, so Prometheus shows {@code betapool_throughput})</td><td>tasks completed per second over the recent window</td></tr>
 * <tr><td>{@code betapool.latency.p50}</td><td>gauge</td><td>seconds</td><td>median time from submission to completion</td></tr>
 * <tr><td>{@code betapool.latency.p99}</td><td>gauge</td><td>seconds</td><td>99th percentile of the time from submission to completion</td></tr>
 * <tr><td>{@code betapool.queue.size}</td><td>gauge</td><td>tasks</td><td>tasks waiting for a thread</td></tr>
 * <tr><td>{@code betapool.cpu.utilization}</td><td>gauge</td><td>percent</td><td>CPU utilization the controller last read</td></tr>
 * <tr><td>{@code betapool.possible.deadlocks}</td><td>counter</td><td></td><td>"Possible deadlock" reports of the controller</td></tr>
 * <tr><td>{@code betapool.decisions}</td><td>counter</td><td></td><td>decisions of the controller, tagged {@code action}: {@code scale_up}, {@code scale_down}, {@code hold} or {@code veto}</td></tr>
 * <tr><td>{@code executor.*}</td><td colspan="3">Micrometer's standard executor meters ({@link ExecutorServiceMetrics}),
 * read through the pool's {@linkplain AdaptiveThreadPoolExecutor#threadPoolView() read-only view}</td></tr>
 * </table>
 */
public class BetaPoolMetrics implements MeterBinder {

	private final Map<String, AdaptiveThreadPoolExecutor> executors;

	private final Tags tags;

	/** Views handed to {@link ExecutorServiceMetrics}, which only holds them weakly. */
	private final List<ThreadPoolExecutor> views = new ArrayList<>();

	/**
	 * Meters for the given pools.
	 * @param executors the pools, by the name to tag their meters with
	 */
	public BetaPoolMetrics(Map<String, AdaptiveThreadPoolExecutor> executors) {
		this(executors, Tags.empty());
	}

	/**
	 * Meters for the given pools, with extra tags.
	 * @param executors the pools, by the name to tag their meters with
	 * @param tags tags added to every meter
	 */
	public BetaPoolMetrics(Map<String, AdaptiveThreadPoolExecutor> executors, Iterable<Tag> tags) {
		this.executors = new LinkedHashMap<>(Objects.requireNonNull(executors, "executors"));
		this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.executors.forEach((name, executor) -> bindTo(registry, name, executor));
	}

	private void bindTo(MeterRegistry registry, String name, AdaptiveThreadPoolExecutor executor) {
		Tags tags = this.tags.and("name", name);
		Gauge.builder("betapool.threads", executor, AdaptiveThreadPoolExecutor::getCurrentThreadCount)
			.description("Threads the pool has now")
			.baseUnit(BaseUnits.THREADS)
			.tags(tags)
			.register(registry);
		gauge(registry, "betapool.beta", executor, PoolMetrics::avgBlockingRatio)
			.description("Blocking ratio (1 - cpu time / wall time) of the recent window, from 0 to 1")
			.tags(tags)
			.register(registry);
		gauge(registry, "betapool.throughput", executor, PoolMetrics::throughput)
			.description("Tasks completed per second over the recent window")
			.tags(tags)
			.register(registry);
		gauge(registry, "betapool.latency.p50", executor, (metrics) -> seconds(metrics.p50Latency()))
			.description("Median time from submission to completion, queue wait included")
			.baseUnit("seconds")
			.tags(tags)
			.register(registry);
		gauge(registry, "betapool.latency.p99", executor, (metrics) -> seconds(metrics.p99Latency()))
			.description("99th percentile of the time from submission to completion, queue wait included")
			.baseUnit("seconds")
			.tags(tags)
			.register(registry);
		gauge(registry, "betapool.queue.size", executor, PoolMetrics::queueSize)
			.description("Tasks waiting for a thread")
			.baseUnit(BaseUnits.TASKS)
			.tags(tags)
			.register(registry);
		gauge(registry, "betapool.cpu.utilization", executor, PoolMetrics::cpuUtilization)
			.description("CPU utilization the controller last read")
			.baseUnit(BaseUnits.PERCENT)
			.tags(tags)
			.register(registry);
		for (ScalingAction action : ScalingAction.values()) {
			FunctionCounter.builder("betapool.decisions", executor, (pool) -> pool.getDecisionCount(action))
				.description("Decisions taken by the controller that sizes the pool")
				.tags(tags)
				.tag("action", action.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		FunctionCounter.builder("betapool.possible.deadlocks", executor, AdaptiveThreadPoolExecutor::getPossibleDeadlockCount)
			.description("Times the controller reported a possible deadlock: every thread busy, tasks queued, none completing")
			.tags(tags)
			.register(registry);
		ThreadPoolExecutor view = executor.threadPoolView();
		synchronized (this.views) {
			this.views.add(view);
		}
		new ExecutorServiceMetrics(view, name, this.tags).bindTo(registry);
	}

	private static Gauge.Builder<AdaptiveThreadPoolExecutor> gauge(MeterRegistry registry, String name,
			AdaptiveThreadPoolExecutor executor, ToDoubleFunction<PoolMetrics> value) {
		return Gauge.builder(name, executor, (pool) -> value.applyAsDouble(pool.getMetrics()));
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

}
