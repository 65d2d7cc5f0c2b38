package io.betapool.spring.boot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the starter in a web application on a real server: {@code @Async} work runs on the adaptive
 * executor, whose meters and endpoint answer over HTTP.
 */
@SpringBootTest(classes = BetaPoolWebApplicationTests.WebApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,metrics,prometheus,betapool",
				"betapool.controller.monitor-interval=50ms", "betapool.controller.warmup-task-count=0" })
class BetaPoolWebApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	@LocalServerPort
	private int port;

	@Autowired
	private AsyncService service;

	@Test
	void asyncMethodsRunOnBetaPoolThreads() throws Exception {
		assertThat(this.service.threadName().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).startsWith("betapool-");
	}

	@Test
	void metricsEndpointAnswersWithTheThreadsGauge() throws Exception {
		HttpResponse<String> response = get("/actuator/metrics/betapool.threads");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.name")).isEqualTo("betapool.threads");
		assertThat(JsonPath.<String>read(response.body(), "$.baseUnit")).isEqualTo("threads");
		List<String> names = JsonPath.read(response.body(), "$.availableTags[?(@.tag == 'name')].values[*]");
		assertThat(names).containsExactly("applicationTaskExecutor");
		assertThat(get("/actuator/metrics/betapool.decisions?tag=action:hold").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusEndpointAnswersWithBetaPoolAndExecutorSeriesOnce() throws Exception {
		this.service.threadName().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		HttpResponse<String> response = get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		String scrape = response.body();
		assertThat(scrape).contains("betapool_threads{name=\"applicationTaskExecutor\"}")
			.contains("betapool_beta{name=\"applicationTaskExecutor\"}")
			.contains("betapool_throughput{name=\"applicationTaskExecutor\"}")
			.contains("betapool_latency_p50_seconds{name=\"applicationTaskExecutor\"}")
			.contains("betapool_latency_p99_seconds{name=\"applicationTaskExecutor\"}")
			.contains("betapool_queue_size_tasks{name=\"applicationTaskExecutor\"}")
			.contains("betapool_cpu_utilization_percent{name=\"applicationTaskExecutor\"}");
		for (String action : List.of("scale_up", "scale_down", "hold", "veto")) {
			assertThat(scrape)
				.contains("betapool_decisions_total{action=\"" + action + "\",name=\"applicationTaskExecutor\"}");
		}
		assertThat(occurrences(scrape, "executor_pool_size_threads{name=\"applicationTaskExecutor\"}")).isOne();
		assertThat(occurrences(scrape, "executor_completed_tasks_total{name=\"applicationTaskExecutor\"}")).isOne();
	}

	@Test
	void betapoolEndpointAnswersWithMetricsConfigurationAndDecisions() throws Exception {
		this.service.threadName().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		HttpResponse<String> response = get("/actuator/betapool");
		assertThat(response.statusCode()).isEqualTo(200);
		String body = response.body();
		Map<String, Object> metrics = JsonPath.read(body, "$.executors.applicationTaskExecutor.metrics");
		assertThat(metrics).containsOnlyKeys("currentThreads", "minWorkers", "maxWorkers", "targetThreads",
				"totalTasks", "avgBlockingRatio", "throughput", "p50Latency", "p99Latency", "p99ExecutionTime",
				"queueSize", "scaleUpCount", "scaleDownCount", "cpuUtilization");
		assertThat(metrics).containsEntry("minWorkers", 4).containsEntry("maxWorkers", 64);
		Map<String, Object> configuration = JsonPath.read(body, "$.executors.applicationTaskExecutor.configuration");
		assertThat(configuration).containsEntry("threadNamePrefix", "betapool-")
			.containsEntry("policy", "ADAPTIVE")
			.containsEntry("monitorInterval", "50ms")
			.containsEntry("queueCapacity", Integer.MAX_VALUE);
		List<Object> decisions = JsonPath.read(body, "$.executors.applicationTaskExecutor.decisions");
		assertThat(decisions).isNotNull();
		HttpResponse<String> single = get("/actuator/betapool/applicationTaskExecutor");
		assertThat(single.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Map<String, Object>>read(single.body(), "$")).containsOnlyKeys("metrics", "configuration",
				"decisions");
		assertThat(get("/actuator/betapool/missing").statusCode()).isEqualTo(404);
	}

	@Test
	void betapoolEndpointRefusesWritesByDefault() throws Exception {
		HttpResponse<String> response = post("/actuator/betapool/applicationTaskExecutor", "{\"maxWorkers\": 32}");
		assertThat(response.statusCode()).isIn(404, 405);
		assertThat(JsonPath.<Integer>read(get("/actuator/betapool").body(),
				"$.executors.applicationTaskExecutor.configuration.maxWorkers")).isEqualTo(64);
	}

	private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(TIMEOUT)
			.GET()
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static int occurrences(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	static class WebApplication {

		@Bean
		AsyncService asyncService() {
			return new AsyncService();
		}

	}

	static class AsyncService {

		@Async
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

}
