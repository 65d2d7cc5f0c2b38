package io.betapool.sample.rag;

import java.time.Duration;

import io.betapool.sample.ApiClient;
import io.betapool.sample.SampleAppTest;
import io.betapool.sample.backend.BackendController.AuditCount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SampleAppTest
class RagApiTests {

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void connect() {
		this.client = ApiClient.forPort(this.port);
	}

	@Test
	void answersFromTheCorpusOnAWorkerOfTheAdaptivePool() {
		RagAnswer answer = this.client.get()
			.uri("/rag?q={q}", "How does the pool decide to grow under I/O?")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(RagAnswer.class)
			.getResponseBody();
		assertThat(answer).isNotNull();
		assertThat(answer.answer()).isNotBlank();
		assertThat(answer.model()).isEqualTo("extractive-stand-in");
		assertThat(answer.sources()).hasSize(RagQuery.DEFAULT_TOP_K);
		assertThat(answer.sources()).extracting(RagAnswer.Source::title).contains("Growing under I/O");
		assertThat(answer.thread()).startsWith("betapool-");
		assertThat(answer.timings().vectorSearchMs()).isGreaterThanOrEqualTo(5);
		assertThat(answer.timings().llmMs()).isGreaterThanOrEqualTo(10);
		assertThat(answer.timings().totalMs()).isGreaterThanOrEqualTo(answer.timings().vectorSearchMs()
				+ answer.timings().llmMs());
	}

	@Test
	void eachAnswerIsAuditedOnTheAuditExecutor() {
		long before = auditRecords();
		this.client.get().uri("/rag?q={q}", "What is tail latency?").exchange().expectStatus().isOk();
		await().atMost(Duration.ofSeconds(30)).until(() -> auditRecords() > before);
	}

	private long auditRecords() {
		AuditCount count = this.client.get()
			.uri("/backend/audit")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(AuditCount.class)
			.getResponseBody();
		assertThat(count).isNotNull();
		return count.records();
	}

	@Test
	void returnsAsManySourcesAsAskedWithTheRequestedLatencies() {
		this.client.get()
			.uri("/rag?q={q}&topK=5&searchLatencyMs=20&llmLatencyMs=30", "What is tail latency?")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sources.length()").isEqualTo(5)
			.jsonPath("$.timings.vectorSearchMs").value(Double.class, (millis) -> assertThat(millis).isGreaterThanOrEqualTo(20))
			.jsonPath("$.timings.llmMs").value(Double.class, (millis) -> assertThat(millis).isGreaterThanOrEqualTo(30));
	}

	@Test
	void refusesAMissingQuestion() {
		this.client.get()
			.uri("/rag")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.json("""
					{"error": "Bad Request", "field": "q", "message": "is required and must not be blank"}""");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			q=x&topK=0                     | topK            | must be between 1 and 10, but was 0
			q=x&topK=11                    | topK            | must be between 1 and 10, but was 11
			q=x&topK=99999999999           | topK            | must be between 1 and 10, but was 99999999999
			q=x&topK=-99999999999999999999 | topK            | must be between 1 and 10, but was -99999999999999999999
			q=x&topK=many                  | topK            | must be a whole number between 1 and 10, but was 'many'
			q=x&searchLatencyMs=-1         | searchLatencyMs | must be between 0 and 10000, but was -1
			q=x&llmLatencyMs=20000         | llmLatencyMs    | must be between 0 and 10000, but was 20000
			q=x&llmLatencyMs=3000000000    | llmLatencyMs    | must be between 0 and 10000, but was 3000000000
			q=x&llmLatencyMs=1.5           | llmLatencyMs    | must be a whole number between 0 and 10000, but was '1.5'
			""")
	void refusesMalformedOrOutOfRangeParametersNamingTheField(String query, String field, String message) {
		this.client.get()
			.uri("/rag?" + query)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error").isEqualTo("Bad Request")
			.jsonPath("$.field").isEqualTo(field)
			.jsonPath("$.message").isEqualTo(message);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			q=x&topK=0           | topK      | must be between 1 and 36, but was 0
			q=x&topK=99999999999 | topK      | must be between 1 and 36, but was 99999999999
			q=x&topK=some        | topK      | must be a whole number between 1 and 36, but was 'some'
			q=x&latencyMs=1e9    | latencyMs | must be a whole number between 0 and 10000, but was '1e9'
			""")
	void vectorSearchStatesTheRangeOfItsParameters(String query, String field, String message) {
		this.client.get()
			.uri("/backend/vector-search?" + query)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field").isEqualTo(field)
			.jsonPath("$.message").isEqualTo(message);
	}

	@Test
	void refusesABlankQuestion() {
		this.client.get()
			.uri("/rag?q={q}", "   ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field").isEqualTo("q")
			.jsonPath("$.message").isEqualTo("is required and must not be blank");
	}

	@Test
	void refusesAQuestionLongerThanFiveHundredCharacters() {
		this.client.get()
			.uri("/rag?q={q}", "why ".repeat(200))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field").isEqualTo("q")
			.jsonPath("$.message").isEqualTo("must be at most 500 characters, but was 799");
	}

}
