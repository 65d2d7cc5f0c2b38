package io.betapool.spring.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.jayway.jsonpath.JsonPath;
import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.Policy;
import io.betapool.ScalingDecision;
import io.betapool.spring.boot.actuate.BetaPoolEndpoint.ConfigurationDescriptor;
import io.betapool.spring.boot.actuate.BetaPoolEndpoint.DecisionDescriptor;
import io.betapool.spring.boot.actuate.BetaPoolEndpoint.ExecutorDescriptor;
import io.betapool.spring.boot.actuate.BetaPoolEndpoint.MetricsDescriptor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BetaPoolEndpoint}.
 */
class BetaPoolEndpointTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Serializes as Spring Boot's endpoint mapper does: {@code null} values are left out unless kept. */
	private final JsonMapper endpointMapper = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL)
			.withContentInclusion(JsonInclude.Include.NON_NULL))
		.build();

	@Test
	void describesMetricsAndConfigurationOfEveryPool() {
		ControllerConfig config = ControllerConfig.builder()
			.policy(Policy.SEED)
			.monitorInterval(Duration.ofHours(1))
			.stabilizationWindow(Duration.ofMillis(1500))
			.build();
		try (AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(2)
			.maxWorkers(8)
			.queueCapacity(100)
			.threadNamePrefix("io-")
			.config(config)
			.build()) {
			BetaPoolEndpoint endpoint = new BetaPoolEndpoint(Map.of("ioExecutor", pool));
			ExecutorDescriptor descriptor = endpoint.executors().executors().get("ioExecutor");
			MetricsDescriptor metrics = descriptor.metrics();
			assertThat(metrics.minWorkers()).isEqualTo(2);
			assertThat(metrics.maxWorkers()).isEqualTo(8);
			assertThat(metrics.targetThreads()).isEqualTo(2);
			assertThat(metrics.totalTasks()).isZero();
			assertThat(metrics.queueSize()).isZero();
			assertThat(metrics.avgBlockingRatio()).isNull();
			ConfigurationDescriptor configuration = descriptor.configuration();
			assertThat(configuration).isEqualTo(new ConfigurationDescriptor(2, 8, 100, "io-", "SEED", 3600.0, 0.7, 0.3,
					2, 1, 85.0, 50.0, 1.5, 10, 1000));
			assertThat(descriptor.decisions()).isEmpty();
			assertThat(endpoint.executor("ioExecutor")).isEqualTo(descriptor);
			assertThat(endpoint.executor("missing")).isNull();
		}
	}

	@Test
	void serializesUnknownNumbersAsNullAndKeepsEveryKey() {
		try (AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder()
			.config(ControllerConfig.builder().monitorInterval(Duration.ofHours(1)).build())
			.build()) {
			String json = this.endpointMapper.writeValueAsString(new BetaPoolEndpoint(Map.of("pool", pool)).executors());
			assertThat(json).contains("\"avgBlockingRatio\":null").contains("\"cpuUtilization\":null");
			Map<String, Object> metrics = JsonPath.read(json, "$.executors.pool.metrics");
			assertThat(metrics).containsOnlyKeys("currentThreads", "minWorkers", "maxWorkers", "targetThreads",
					"totalTasks", "avgBlockingRatio", "throughput", "p50Latency", "p99Latency", "p99ExecutionTime",
					"queueSize", "scaleUpCount", "scaleDownCount", "cpuUtilization");
			Map<String, Object> configuration = JsonPath.read(json, "$.executors.pool.configuration");
			assertThat(configuration).containsOnlyKeys("minWorkers", "maxWorkers", "queueCapacity", "threadNamePrefix",
					"policy", "monitorInterval", "betaHighThreshold", "betaLowThreshold", "scaleUpStep",
					"scaleDownStep", "cpuUpperThreshold", "cpuLowerThreshold", "stabilizationWindow",
					"warmupTaskCount", "decisionHistorySize");
			assertThat(configuration).containsEntry("monitorInterval", 3600.0).containsEntry("policy", "ADAPTIVE");
		}
	}

	@Test
	void listsDecisionsNewestFirstWithTheirReasons() throws Exception {
		ControllerConfig config = ControllerConfig.builder()
			.monitorInterval(Duration.ofMillis(20))
			.warmupTaskCount(0)
			.build();
		AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder().minWorkers(1).maxWorkers(2).config(config).build();
		pool.map((value) -> value + 1, List.of(1, 2, 3));
		await().atMost(TIMEOUT).until(() -> pool.getDecisionHistory().size() >= 3);
		pool.shutdown();
		assertThat(pool.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		List<ScalingDecision> history = pool.getDecisionHistory();
		List<DecisionDescriptor> decisions = new BetaPoolEndpoint(Map.of("pool", pool)).executors()
			.executors()
			.get("pool")
			.decisions();
		assertThat(decisions).hasSameSizeAs(history);
		ScalingDecision newest = history.get(history.size() - 1);
		DecisionDescriptor first = decisions.get(0);
		assertThat(first.timestamp()).isEqualTo(newest.timestamp().toString());
		assertThat(first.action()).isEqualTo(newest.action().name());
		assertThat(first.reason()).isEqualTo(newest.reason()).isNotBlank();
		assertThat(first.threadsBefore()).isEqualTo(newest.threadsBefore());
		assertThat(first.threadsAfter()).isEqualTo(newest.threadsAfter());
		assertThat(decisions).extracting((decision) -> Instant.parse(decision.timestamp()))
			.isSortedAccordingTo((a, b) -> b.compareTo(a));
		String json = this.endpointMapper.writeValueAsString(new BetaPoolEndpoint(Map.of("pool", pool)).executors());
		Map<String, Object> decision = JsonPath.read(json, "$.executors.pool.decisions[0]");
		assertThat(decision).containsOnlyKeys("timestamp", "action", "threadsBefore", "threadsAfter", "blockingRatio",
				"cpuPercent", "throughput", "reason");
	}

}
