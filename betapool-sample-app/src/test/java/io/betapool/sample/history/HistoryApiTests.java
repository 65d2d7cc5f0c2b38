package io.betapool.sample.history;

import java.time.Duration;
import java.util.List;

import io.betapool.sample.ApiClient;
import io.betapool.sample.SampleAppTest;
import io.betapool.sample.history.PoolHistory.History;
import io.betapool.sample.history.PoolHistory.Sample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SampleAppTest
class HistoryApiTests {

	static final Duration GENEROUS = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void connect() {
		this.client = ApiClient.forPort(this.port);
	}

	@Test
	void keepsTheLatestSamplesOfThePoolAndTheLoadUpToItsSize() {
		await().atMost(GENEROUS).until(() -> history().samples().size() == 5);
		History full = history();
		assertThat(full.capacity()).isEqualTo(5);
		assertThat(full.intervalSeconds()).isEqualTo(0.1);
		double oldest = full.samples().get(0).time();
		await().atMost(GENEROUS).until(() -> history().samples().get(0).time() > oldest);
		List<Sample> samples = history().samples();
		assertThat(samples).hasSize(5);
		assertThat(samples).extracting(Sample::time).isSorted();
		Sample newest = samples.get(samples.size() - 1);
		assertThat(newest.executors()).containsKey("applicationTaskExecutor");
		PoolHistory.PoolSample pool = newest.executors().get("applicationTaskExecutor");
		assertThat(pool.minWorkers()).isEqualTo(2);
		assertThat(pool.maxWorkers()).isEqualTo(64);
		assertThat(pool.targetThreads()).isBetween(pool.minWorkers(), pool.maxWorkers());
		assertThat(pool.currentThreads()).isBetween(0, pool.maxWorkers());
		assertThat(newest.load()).isNotNull();
	}

	@Test
	void namesTheKeysTheEndpointUses() {
		await().atMost(GENEROUS).until(() -> !history().samples().isEmpty());
		this.client.get()
			.uri("/history")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.samples[0].time").isNumber()
			.jsonPath("$.samples[0].executors.applicationTaskExecutor.currentThreads").isNumber()
			.jsonPath("$.samples[0].executors.applicationTaskExecutor.targetThreads").isNumber()
			.jsonPath("$.samples[0].executors.applicationTaskExecutor.p99Latency").isNumber()
			.jsonPath("$.samples[0].load.running").isBoolean();
	}

	private History history() {
		History history = this.client.get().uri("/history").exchange().expectStatus().isOk()
			.returnResult(History.class)
			.getResponseBody();
		assertThat(history).isNotNull();
		return history;
	}

}
