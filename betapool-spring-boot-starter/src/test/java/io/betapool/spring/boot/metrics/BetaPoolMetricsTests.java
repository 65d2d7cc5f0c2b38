package io.betapool.spring.boot.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BetaPoolMetrics}.
 */
class BetaPoolMetricsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void bindsEveryMeterTaggedWithThePoolName() {
		try (AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder().minWorkers(2).maxWorkers(4).build()) {
			MeterRegistry registry = new SimpleMeterRegistry();
			new BetaPoolMetrics(Map.of("pool", pool)).bindTo(registry);
			List<String> names = registry.getMeters()
				.stream()
				.filter((meter) -> "pool".equals(meter.getId().getTag("name")))
				.map((meter) -> meter.getId().getName())
				.distinct()
				.toList();
			assertThat(names).contains("betapool.threads", "betapool.beta", "betapool.throughput",
					"betapool.latency.p50", "betapool.latency.p99", "betapool.queue.size", "betapool.cpu.utilization",
					"betapool.decisions", "betapool.possible.deadlocks", "executor.pool.size", "executor.pool.core", "executor.pool.max",
					"executor.active", "executor.queued", "executor.completed", "executor.queue.remaining");
			assertThat(registry.get("betapool.decisions").tag("name", "pool").functionCounters())
				.extracting((counter) -> counter.getId().getTag("action"))
				.containsExactlyInAnyOrder("scale_up", "scale_down", "hold", "veto");
			assertThat(registry.get("betapool.throughput").gauge().getId().getBaseUnit()).isNull();
			assertThat(registry.get("betapool.throughput").gauge().getId().getDescription())
				.isEqualTo("Tasks completed per second over the recent window");
			assertThat(registry.get("betapool.latency.p99").gauge().getId().getBaseUnit()).isEqualTo("seconds");
			assertThat(registry.get("executor.pool.core").gauge().value()).isEqualTo(pool.getTargetPoolSize());
			assertThat(registry.get("executor.pool.max").gauge().value()).isEqualTo(pool.getMaxWorkers());
		}
	}

	@Test
	void gaugesAndCountersReadThePool() throws Exception {
		ControllerConfig config = ControllerConfig.builder()
			.monitorInterval(Duration.ofMillis(20))
			.warmupTaskCount(0)
			.build();
		AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(2)
			.maxWorkers(4)
			.config(config)
			.build();
		MeterRegistry registry = new SimpleMeterRegistry();
		new BetaPoolMetrics(Map.of("pool", pool)).bindTo(registry);
		pool.map((value) -> value * 2, List.of(1, 2, 3, 4, 5, 6, 7, 8));
		await().atMost(TIMEOUT).until(() -> pool.getDecisionHistory().size() >= 3);
		pool.shutdown();
		assertThat(pool.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		List<ScalingDecision> history = pool.getDecisionHistory();
		double total = 0;
		for (ScalingAction action : ScalingAction.values()) {
			double counted = registry.get("betapool.decisions")
				.tag("name", "pool")
				.tag("action", action.name().toLowerCase(Locale.ROOT))
				.functionCounter()
				.count();
			assertThat(counted).as("decisions %s", action)
				.isEqualTo(pool.getDecisionCount(action))
				.isEqualTo(history.stream().filter((decision) -> decision.action() == action).count());
			total += counted;
		}
		assertThat(total).isEqualTo(history.size());
		assertThat(registry.get("executor.completed").tag("name", "pool").functionCounter().count()).isEqualTo(8);
		assertThat(registry.get("betapool.threads").tag("name", "pool").gauge().value())
			.isEqualTo(pool.getCurrentThreadCount());
		assertThat(registry.get("betapool.queue.size").tag("name", "pool").gauge().value()).isZero();
		assertThat(registry.get("betapool.latency.p99").tag("name", "pool").gauge().value())
			.isEqualTo(pool.getMetrics().p99Latency().toNanos() / 1e9);
	}

	@Test
	void addsTheGivenTagsToEveryMeter() {
		try (AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder().build()) {
			MeterRegistry registry = new SimpleMeterRegistry();
			new BetaPoolMetrics(Map.of("pool", pool), List.of(Tag.of("zone", "a")))
				.bindTo(registry);
			assertThat(registry.getMeters()).isNotEmpty()
				.allSatisfy((Meter meter) -> assertThat(meter.getId().getTag("zone")).isEqualTo("a"));
		}
	}

}
