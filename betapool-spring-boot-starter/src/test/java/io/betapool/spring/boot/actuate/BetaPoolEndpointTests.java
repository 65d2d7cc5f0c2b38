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
import io.betapool.spring.boot.actuate.BetaPoolEndpoint.ChangeDescriptor;
import io.betapool.spring.boot.actuate.BetaPoolEndpoint.ConfigurationDescriptor;
import io.betapool.spring.boot.actuate.BetaPoolEndpoint.ErrorDescriptor;
import io.betapool.spring.boot.actuate.BetaPoolEndpoint.DecisionDescriptor;
import io.betapool.spring.boot.actuate.BetaPoolEndpoint.ExecutorDescriptor;
import io.betapool.spring.boot.actuate.BetaPoolEndpoint.MetricsDescriptor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

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
			assertThat(configuration).isEqualTo(new ConfigurationDescriptor(2, 8, 100, "io-", "SEED", "1h", 0.7, 0.3,
					2, 1, 85.0, 50.0, "1500ms", 10, "1m", 1000, "running"));
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
					"warmupTaskCount", "keepAlive", "decisionHistorySize", "controller");
			assertThat(configuration).containsEntry("monitorInterval", "1h")
				.containsEntry("keepAlive", "1m")
				.containsEntry("stabilizationWindow", "2s")
				.containsEntry("policy", "ADAPTIVE");
		}
	}

	@Test
	void changesBoundsPolicyAndControllerOfAPoolAndAnswersWithTheDecisionsRecorded() {
		try (AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(2)
			.maxWorkers(8)
			.config(ControllerConfig.builder().monitorInterval(Duration.ofHours(1)).build())
			.build()) {
			BetaPoolEndpoint endpoint = new BetaPoolEndpoint(Map.of("pool", pool));
			WebEndpointResponse<Object> response = endpoint.change("pool", "3", " 16 ", "SEED", "paused");
			assertThat(response.getStatus()).isEqualTo(200);
			ChangeDescriptor change = (ChangeDescriptor) response.getBody();
			assertThat(change.changes()).extracting(DecisionDescriptor::action)
				.containsExactly("SCALE_UP", "HOLD", "HOLD");
			assertThat(change.changes()).extracting(DecisionDescriptor::reason)
				.satisfiesExactly((reason) -> assertThat(reason).contains("[2, 8]", "[3, 16]"),
						(reason) -> assertThat(reason).startsWith("Policy changed from ADAPTIVE to SEED"),
						(reason) -> assertThat(reason).startsWith("Controller paused"));
			assertThat(change.executor().configuration().minWorkers()).isEqualTo(3);
			assertThat(change.executor().configuration().maxWorkers()).isEqualTo(16);
			assertThat(change.executor().configuration().policy()).isEqualTo("SEED");
			assertThat(change.executor().configuration().controller()).isEqualTo("paused");
			assertThat(pool.getTargetPoolSize()).isEqualTo(3);
			assertThat(pool.isControllerPaused()).isTrue();

			ChangeDescriptor again = (ChangeDescriptor) endpoint.change("pool", null, null, "seed", "paused").getBody();
			assertThat(again.changes()).isEmpty();
			ChangeDescriptor resumed = (ChangeDescriptor) endpoint.change("pool", null, null, null, "RUNNING").getBody();
			assertThat(resumed.changes()).extracting(DecisionDescriptor::reason)
				.singleElement()
				.asString()
				.startsWith("Controller resumed");
			assertThat(pool.getDecisionHistory()).hasSize(4);
		}
	}

	@ParameterizedTest(name = "{0} {1} {2} {3}")
	@CsvSource(nullValues = "-", delimiter = '|', textBlock = """
			0     | -     | -        | -       | minWorkers | 0        | an integer of at least 1
			two   | -     | -        | -       | minWorkers | two      | an integer of at least 1
			-     | 1     | -        | -       | maxWorkers | 1        | an integer of at least minWorkers (2)
			4     | 3     | -        | -       | maxWorkers | 3        | an integer of at least minWorkers (4)
			-     | 99999999999 | -  | -       | maxWorkers | 99999999999 | an integer of at least minWorkers (2)
			9     | -     | -        | -       | minWorkers | 9        | an integer from 1 to maxWorkers (8), or set maxWorkers too
			-     | -     | fastest  | -       | policy     | fastest  | one of adaptive, seed
			-     | -     | -        | stopped | controller | stopped  | one of paused, running
			-     | -     | -        | -       | body       | -        | one of minWorkers, maxWorkers, policy or controller to change
			""")
	void refusesABadChangeNamingTheFieldTheValueAndWhatIsAllowedAndChangesNothing(@Nullable String min,
			@Nullable String max, @Nullable String policy, @Nullable String controller, String field,
			@Nullable String value, String allowed) {
		try (AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(2)
			.maxWorkers(8)
			.config(ControllerConfig.builder().monitorInterval(Duration.ofHours(1)).build())
			.build()) {
			BetaPoolEndpoint endpoint = new BetaPoolEndpoint(Map.of("pool", pool));
			WebEndpointResponse<Object> response = endpoint.change("pool", min, max, policy, controller);
			assertThat(response.getStatus()).isEqualTo(400);
			ErrorDescriptor error = (ErrorDescriptor) response.getBody();
			assertThat(error.field()).isEqualTo(field);
			assertThat(error.value()).isEqualTo(value);
			assertThat(error.allowed()).isEqualTo(allowed);
			assertThat(error.message()).startsWith(field + " must be " + allowed);
			assertThat(pool.getDecisionHistory()).isEmpty();
			assertThat(pool.getMinWorkers()).isEqualTo(2);
			assertThat(pool.getMaxWorkers()).isEqualTo(8);
		}
	}

	@Test
	void answersNotFoundForAPoolItDoesNotKnow() {
		assertThat(new BetaPoolEndpoint(Map.of()).change("missing", "2", null, null, null).getStatus()).isEqualTo(404);
	}

	@Test
	void writesDurationsWithTheirUnitInTheLargestUnitThatKeepsThemExact() {
		assertThat(BetaPoolEndpoint.withUnit(Duration.ofMillis(500))).isEqualTo("500ms");
		assertThat(BetaPoolEndpoint.withUnit(Duration.ofSeconds(2))).isEqualTo("2s");
		assertThat(BetaPoolEndpoint.withUnit(Duration.ofMillis(2500))).isEqualTo("2500ms");
		assertThat(BetaPoolEndpoint.withUnit(Duration.ofMinutes(90))).isEqualTo("90m");
		assertThat(BetaPoolEndpoint.withUnit(Duration.ofDays(3))).isEqualTo("3d");
		assertThat(BetaPoolEndpoint.withUnit(Duration.ofNanos(1500))).isEqualTo("1500ns");
		assertThat(BetaPoolEndpoint.withUnit(Duration.ofNanos(7000))).isEqualTo("7us");
		assertThat(BetaPoolEndpoint.withUnit(Duration.ZERO)).isEqualTo("0s");
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
