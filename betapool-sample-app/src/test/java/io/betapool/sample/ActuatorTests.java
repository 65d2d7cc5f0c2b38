package io.betapool.sample;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SampleAppTest
class ActuatorTests {

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void connect() {
		this.client = ApiClient.forPort(this.port);
	}

	@Test
	void betapoolEndpointDescribesTheApplicationTaskExecutor() {
		this.client.get()
			.uri("/actuator/betapool")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.executors.applicationTaskExecutor.metrics.currentThreads").isNumber()
			.jsonPath("$.executors.applicationTaskExecutor.metrics.minWorkers").isEqualTo(2)
			.jsonPath("$.executors.applicationTaskExecutor.metrics.maxWorkers").isEqualTo(64)
			.jsonPath("$.executors.applicationTaskExecutor.configuration.queueCapacity").isEqualTo(500)
			.jsonPath("$.executors.applicationTaskExecutor.configuration.policy").isEqualTo("ADAPTIVE")
			.jsonPath("$.executors.applicationTaskExecutor.decisions").isArray();
	}

	@Test
	void betapoolEndpointAdvisesOnThePoolTheApplicationOwns() {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.client.get()
			.uri("/actuator/betapool")
			.exchange()
			.returnResult(String.class)
			.getResponseBody()
			.contains("\"journalExecutor\""));
		this.client.get()
			.uri("/actuator/betapool")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.advice.pools.journalExecutor.currentThreads").isNumber()
			.jsonPath("$.advice.pools.journalExecutor.advice").value(String.class,
					(advice) -> assertThat(advice).startsWith("would run"))
			.jsonPath("$.advice.costPercentOfOneCore").isNumber()
			.jsonPath("$.advice.pools.applicationTaskExecutor").doesNotExist();
	}

	@Test
	void betapoolEndpointDescribesTheAuditExecutorAndTheWebServersPool() {
		this.client.get()
			.uri("/actuator/betapool")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.executors.audit.configuration.minWorkers").isEqualTo(1)
			.jsonPath("$.executors.audit.configuration.maxWorkers").isEqualTo(16)
			.jsonPath("$.executors.audit.configuration.queueCapacity").isEqualTo(1000)
			.jsonPath("$.executors.audit.configuration.threadNamePrefix").isEqualTo("audit-")
			.jsonPath("$.executors.tomcat.configuration.minWorkers").isEqualTo(32)
			.jsonPath("$.executors.tomcat.configuration.maxWorkers").isEqualTo(200)
			.jsonPath("$.executors.tomcat.configuration.threadNamePrefix").isEqualTo("tomcat-");
	}

	@Test
	void prometheusEndpointPublishesThePoolMeters() {
		String scrape = this.client.get()
			.uri("/actuator/prometheus")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(scrape).contains("betapool_threads{", "betapool_beta{", "betapool_latency_p99_seconds{",
				"betapool_decisions_total{", "executor_pool_size_threads{");
		assertThat(scrape).contains("name=\"applicationTaskExecutor\"", "name=\"audit\"", "name=\"tomcat\"");
		assertThat(scrape).contains("betapool_advice_threads{name=\"journalExecutor\"}",
				"betapool_advice_beta{name=\"journalExecutor\"}");
	}

	@Test
	void healthIsUp() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP");
	}

	@Test
	void dashboardAndItsChartLibraryAreServed() {
		String page = this.client.get().uri("/").exchange().expectStatus().isOk().returnResult(String.class)
			.getResponseBody();
		assertThat(page).contains("BetaPool", "dashboard.js", "/webjars/uplot/dist/uPlot.iife.min.js");
		this.client.get().uri("/webjars/uplot/dist/uPlot.iife.min.js").exchange().expectStatus().isOk();
		this.client.get().uri("/dashboard.js").exchange().expectStatus().isOk();
		assertThat(page).contains("executors.js", "executor-table");
		this.client.get().uri("/executors.js").exchange().expectStatus().isOk();
	}

}
