package io.betapool.sample.inference;

import io.betapool.sample.ApiClient;
import io.betapool.sample.SampleAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SampleAppTest
class InferenceApiTests {

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void connect() {
		this.client = ApiClient.forPort(this.port);
	}

	@Test
	void classifiesAFrameOnAWorkerOfTheAdaptivePool() {
		InferenceResult result = classify("/inference?size=64&seed=7");
		assertThat(result.size()).isEqualTo(64);
		assertThat(result.seed()).isEqualTo(7);
		assertThat(result.top()).hasSize(3);
		assertThat(result.label()).isEqualTo(result.top().get(0).label()).isIn((Object[]) TinyConvNet.LABELS);
		assertThat(result.top()).extracting(InferenceResult.Prediction::probability)
			.isSortedAccordingTo((a, b) -> Double.compare(b, a))
			.allSatisfy((probability) -> assertThat(probability).isBetween(0.0, 1.0));
		assertThat(result.multiplyAdds()).isEqualTo(TinyConvNet.multiplyAdds(64));
		assertThat(result.thread()).startsWith("betapool-");
	}

	@Test
	void givesTheSameAnswerForTheSameSeed() {
		InferenceResult first = classify("/inference?size=48&seed=123");
		InferenceResult second = classify("/inference?size=48&seed=123");
		assertThat(second.top()).isEqualTo(first.top());
	}

	@Test
	void usesFramesOf128PixelsByDefault() {
		assertThat(classify("/inference").size()).isEqualTo(InferenceController.DEFAULT_SIZE);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			size=8      | size | must be between 16 and 512, but was 8
			size=1000   | size | must be between 16 and 512, but was 1000
			size=4294967312 | size | must be between 16 and 512, but was 4294967312
			size=large  | size | must be a whole number between 16 and 512, but was 'large'
			seed=twelve | seed | must be a whole number between -9223372036854775808 and 9223372036854775807, but was 'twelve'
			seed=9223372036854775808 | seed | must be between -9223372036854775808 and 9223372036854775807, but was 9223372036854775808
			""")
	void refusesMalformedOrOutOfRangeParametersNamingTheField(String query, String field, String message) {
		this.client.get()
			.uri("/inference?" + query)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error").isEqualTo("Bad Request")
			.jsonPath("$.field").isEqualTo(field)
			.jsonPath("$.message").isEqualTo(message);
	}

	private InferenceResult classify(String uri) {
		InferenceResult result = this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(InferenceResult.class)
			.getResponseBody();
		assertThat(result).isNotNull();
		return result;
	}

}
