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
			.contains("\"auditExecutor\""));
		this.client.get()
			.uri("/actuator/betapool")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.advice.pools.auditExecutor.currentThreads").isNumber()
			.jsonPath("$.advice.pools.auditExecutor.advice").value(String.class,
					(advice) -> assertThat(advice).startsWith("would run"))
			.jsonPath("$.advice.costPercentOfOneCore").isNumber()
			.jsonPath("$.advice.pools.applicationTaskExecutor").doesNotExist();
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
		assertThat(scrape).contains("name=\"applicationTaskExecutor\"");
		assertThat(scrape).contains("betapool_advice_threads{name=\"auditExecutor\"}",
				"betapool_advice_beta{name=\"auditExecutor\"}");
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
	}

}
