package io.betapool.sample.load;

import java.time.Duration;

import io.betapool.sample.ApiClient;
import io.betapool.sample.SampleAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SampleAppTest
class LoadApiTests {

	static final Duration GENEROUS = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void connect() {
		this.client = ApiClient.forPort(this.port);
	}

	@AfterEach
	void stopLoad() {
		this.client.delete().uri("/load").exchange().expectStatus().isOk();
	}

	@Test
	void runsEveryWorkloadOfAPlanAndReportsItsProgress() {
		post("""
				{"phases": [
				  {"name": "questions", "workload": "rag", "ratePerSecond": 20, "durationSeconds": 1},
				  {"workload": "inference", "ratePerSecond": 20, "durationSeconds": 1},
				  {"workload": "mixed", "ratePerSecond": 20, "durationSeconds": 1},
				  {"workload": "io", "ratePerSecond": 20, "durationSeconds": 1},
				  {"workload": "cpu", "ratePerSecond": 20, "durationSeconds": 1},
				  {"workload": "idle", "durationSeconds": 1}]}""")
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.state").isEqualTo("running")
			.jsonPath("$.plan.repeat").isEqualTo(false)
			.jsonPath("$.plan.phases[0].name").isEqualTo("questions")
			.jsonPath("$.plan.phases[1].name").isEqualTo("inference")
			.jsonPath("$.plan.phases[5].ratePerSecond").isEqualTo(0.0);
		await().atMost(GENEROUS).until(() -> status().state().equals("finished"));
		LoadStatus finished = status();
		assertThat(finished.running()).isFalse();
		assertThat(finished.phase()).isNull();
		assertThat(finished.submitted()).isPositive();
		assertThat(finished.failed()).isZero();
		assertThat(finished.rejected()).isZero();
		await().atMost(GENEROUS).until(() -> status().completed() == finished.submitted());
	}

	@Test
	void reportsTheCurrentPhaseAndItsElapsedTime() {
		post("""
				{"phases": [{"name": "steady", "workload": "io", "ratePerSecond": 10, "durationSeconds": 60}]}""")
			.expectStatus()
			.isAccepted();
		await().atMost(GENEROUS).until(() -> {
			LoadStatus status = status();
			return status.phase() != null && status.phase().elapsedSeconds() > 0 && status.submitted() > 0;
		});
		LoadStatus status = status();
		assertThat(status.running()).isTrue();
		assertThat(status.cycle()).isEqualTo(1);
		assertThat(status.phase().name()).isEqualTo("steady");
		assertThat(status.phase().workload()).isEqualTo(Workload.IO);
		assertThat(status.phase().durationSeconds()).isEqualTo(60);
	}

	@Test
	void replacesTheRunningPlanWithANewOne() {
		post("""
				{"phases": [{"name": "first", "workload": "io", "ratePerSecond": 5, "durationSeconds": 60}]}""");
		post("""
				{"phases": [{"name": "second", "workload": "idle", "durationSeconds": 60}], "repeat": true}""")
			.expectStatus()
			.isAccepted();
		await().atMost(GENEROUS).until(() -> status().phase() != null);
		assertThat(status().phase().name()).isEqualTo("second");
		assertThat(status().plan().repeat()).isTrue();
	}

	@Test
	void stopsTheRunningPlan() {
		post("""
				{"phases": [{"workload": "io", "ratePerSecond": 5, "durationSeconds": 60}]}""");
		this.client.delete()
			.uri("/load")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state").isEqualTo("stopped")
			.jsonPath("$.running").isEqualTo(false)
			.jsonPath("$.phase").doesNotExist();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{}                                                                               | phases                   | is required
			{"phases": []}                                                                   | phases                   | must have between 1 and 50 phases, but had 0
			{"phases": [{"ratePerSecond": 5, "durationSeconds": 5}]}                         | phases[0].workload       | is required
			{"phases": [{"workload": "gpu", "ratePerSecond": 5, "durationSeconds": 5}]}      | phases[0].workload       | must be one of rag, inference, mixed, io, cpu, idle, but was 'gpu'
			{"phases": [{"workload": "rag", "durationSeconds": 5}]}                          | phases[0].ratePerSecond  | is required
			{"phases": [{"workload": "idle", "durationSeconds": 5}, {"workload": "rag", "ratePerSecond": -5, "durationSeconds": 5}]} | phases[1].ratePerSecond | must be between 0.1 and 2000, but was -5
			{"phases": [{"workload": "rag", "ratePerSecond": 5000, "durationSeconds": 5}]}   | phases[0].ratePerSecond  | must be between 0.1 and 2000, but was 5000
			{"phases": [{"workload": "rag", "ratePerSecond": "fast", "durationSeconds": 5}]} | phases[0].ratePerSecond  | must be a number, but was 'fast'
			{"phases": [{"workload": "rag", "ratePerSecond": 5}]}                            | phases[0].durationSeconds | is required
			{"phases": [{"workload": "rag", "ratePerSecond": 5, "durationSeconds": 0.5}]}    | phases[0].durationSeconds | must be between 1 and 3600, but was 0.5
			{"phases": [{"name": "a name far longer than forty characters in all", "workload": "idle", "durationSeconds": 5}]} | phases[0].name | must be at most 40 characters, but was 46
			{"phases": "all of them"}                                                        | phases                   | must be an array
			{"phases": [], "repeat": "often"}                                                | repeat                   | must be true or false, but was 'often'
			{"bogus": 1}                                                                     | bogus                    | is not a known field; the fields here are phases, repeat
			{"phases": [{"workload": "idle", "durationSeconds": 5, "rate": 5}]}               | phases[0].rate           | is not a known field; the fields here are durationSeconds, name, ratePerSecond, workload
			{"phases": [{"workload": "rag", "ratePerSecond": 1e400, "durationSeconds": 5}]}  | phases[0].ratePerSecond  | must be between 0.1 and 2000, but was Infinity
			{"phases": [{"workload": "rag", "ratePerSecond": 5, "durationSeconds": 99999999999999999999}]} | phases[0].durationSeconds | must be between 1 and 3600, but was 1.0E20
			{"phases": [1]}                                                                  | phases[0]                | must be an object
			{"phases": [{"workload": "idle", "durationSeconds": 5, "name": {"x": 1}}]}        | phases[0].name           | must be a text
			`[]`                                                                             | body                     | must be an object
			`"plan"`                                                                         | body                     | must be an object
			""")
	void refusesAnInvalidPlanNamingTheField(String body, String field, String message) {
		post(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error").isEqualTo("Bad Request")
			.jsonPath("$.field").isEqualTo(field)
			.jsonPath("$.message").isEqualTo(message);
	}

	@Test
	void refusesAMissingBody() {
		this.client.post()
			.uri("/load")
			.contentType(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field").isEqualTo("body");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"phases": [  | is not valid JSON (line 1, column 13): Unexpected end-of-input: expected close marker for Array
			{"phases": [} | is not valid JSON (line 1, column 13): Unexpected close marker '}': expected ']'
			phases        | is not valid JSON (line 1, column 1): Unrecognized token 'phases': was expecting
			""")
	void refusesMalformedJson(String body, String message) {
		post(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field").isEqualTo("body")
			.jsonPath("$.message").value(String.class, (actual) -> assertThat(actual).startsWith(message));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"bogus": 1}
			{"phases": [1]}
			{"phases": [{"workload": "idle", "durationSeconds": [5]}]}
			[]
			`"plan"`
			{"phases": [{"workload": "idle", "durationSeconds": 5, "name": {"x": 1}}]}
			{"phases": [  
			""")
	void neverNamesAJavaTypeInAnError(String body) {
		String answer = post(body).expectStatus().isBadRequest().returnResult(String.class).getResponseBody();
		assertThat(answer).doesNotContain("io.betapool", "java.", "LoadPlanSpec", "LoadPhaseSpec", "Double", "String",
				"`");
	}

	@Test
	void refusesABodyThatIsNotJsonNamingTheContentTypeExpected() {
		this.client.post()
			.uri("/load")
			.contentType(MediaType.TEXT_PLAIN)
			.body("phases: io")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.value("Accept", (accept) -> assertThat(accept).contains("application/json"))
			.expectBody()
			.jsonPath("$.error").isEqualTo("Unsupported Media Type")
			.jsonPath("$.field").isEqualTo("Content-Type")
			.jsonPath("$.message").value(String.class, (message) -> assertThat(message)
				.startsWith("must be application/json").contains(", but was 'text/plain"));
	}

	@Test
	void keepsRunningThePreviousPlanWhenANewOneIsRefused() {
		post("""
				{"phases": [{"name": "kept", "workload": "idle", "durationSeconds": 60}]}""");
		post("{\"phases\": []}").expectStatus().isBadRequest();
		assertThat(status().running()).isTrue();
		assertThat(status().plan().phases().get(0).name()).isEqualTo("kept");
	}

	private RestTestClient.ResponseSpec post(String json) {
		return this.client.post().uri("/load").contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

	private LoadStatus status() {
		LoadStatus status = this.client.get().uri("/load").exchange().expectStatus().isOk()
			.returnResult(LoadStatus.class)
			.getResponseBody();
		assertThat(status).isNotNull();
		return status;
	}

}
