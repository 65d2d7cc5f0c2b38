package io.betapool.spring.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write operation of the {@code betapool} endpoint over HTTP, once the application allows it with
 * {@code management.endpoint.betapool.access=unrestricted}.
 */
@SpringBootTest(classes = BetaPoolEndpointWriteAccessTests.WebApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=betapool",
				"management.endpoint.betapool.access=unrestricted" })
class BetaPoolEndpointWriteAccessTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	@LocalServerPort
	private int port;

	@Test
	void changesThePoolAndRecordsTheChange() throws Exception {
		HttpResponse<String> response = post("{\"minWorkers\": 6, \"maxWorkers\": 32, \"controller\": \"paused\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		String body = response.body();
		assertThat(JsonPath.<String>read(body, "$.changes[0].reason")).contains("[4, 64]", "[6, 32]");
		assertThat(JsonPath.<String>read(body, "$.changes[1].reason")).startsWith("Controller paused");
		assertThat(JsonPath.<Integer>read(body, "$.executor.configuration.minWorkers")).isEqualTo(6);
		assertThat(JsonPath.<String>read(body, "$.executor.configuration.controller")).isEqualTo("paused");
		HttpResponse<String> resumed = post("{\"controller\": \"running\"}");
		assertThat(resumed.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(resumed.body(), "$.executor.configuration.controller")).isEqualTo("running");
	}

	@Test
	void refusesABadValueWithABadRequestNamingTheFieldTheValueAndWhatIsAllowed() throws Exception {
		HttpResponse<String> response = post("{\"maxWorkers\": 0}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(response.body(), "$.field")).isEqualTo("maxWorkers");
		assertThat(JsonPath.<String>read(response.body(), "$.value")).isEqualTo("0");
		assertThat(JsonPath.<String>read(response.body(), "$.message")).startsWith("maxWorkers must be an integer of at least minWorkers");
	}

	private HttpResponse<String> post(String json) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/betapool/applicationTaskExecutor"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApplication {

	}

}
