package io.betapool.sample.rag;

import io.betapool.sample.ApiClient;
import io.betapool.sample.SampleAppTest;
import io.betapool.sample.rag.SearchController.SearchResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SampleAppTest
class SearchApiTests {

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void connect() {
		this.client = ApiClient.forPort(this.port);
	}

	@Test
	void aBlockingRequestCallsTheVectorStoreOnAWorkerOfTheWebServersAdaptivePool() {
		SearchResult result = this.client.get()
			.uri("/search?q={q}&topK=4&searchLatencyMs=20", "How does the pool decide to grow under I/O?")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(SearchResult.class)
			.getResponseBody();
		assertThat(result).isNotNull();
		assertThat(result.sources()).hasSize(4);
		assertThat(result.sources()).extracting(RagAnswer.Source::title).contains("Growing under I/O");
		assertThat(result.thread()).startsWith("tomcat-");
		assertThat(result.tookMs()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void refusesAnOutOfRangeTopKNamingTheField() {
		this.client.get()
			.uri("/search?q=pool&topK=11")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("topK");
	}

}
