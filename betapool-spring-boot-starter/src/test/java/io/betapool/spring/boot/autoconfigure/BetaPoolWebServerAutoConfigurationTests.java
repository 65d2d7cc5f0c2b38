package io.betapool.spring.boot.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.spring.boot.BetaPoolTaskExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BetaPoolWebServerAutoConfiguration}, on a real Tomcat on a random port.
 */
class BetaPoolWebServerAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	@Test
	void requestsRunOnTheAdaptivePoolWhenEnabled() throws Exception {
		try (ConfigurableApplicationContext context = run("betapool.web.enabled=true",
				"server.tomcat.threads.min-spare=3", "server.tomcat.threads.max=50")) {
			for (int i = 0; i < 5; i++) {
				assertThat(get(context, "/thread")).startsWith("tomcat-");
			}
			BetaPoolTaskExecutor executor = context.getBean("tomcat", BetaPoolTaskExecutor.class);
			AdaptiveThreadPoolExecutor pool = executor.getThreadPoolExecutor();
			assertThat(pool.getMinWorkers()).isEqualTo(3);
			assertThat(pool.getMaxWorkers()).isEqualTo(50);
			assertThat(pool.getThreadNamePrefix()).isEqualTo("tomcat-");
			// a request's task completes just after its response is written; Tomcat may read several requests of
			// one connection in one task
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pool.getMetrics().totalTasks()).isPositive());
			String endpoint = get(context, "/actuator/betapool");
			assertThat(JsonPath.<Integer>read(endpoint, "$.executors.tomcat.configuration.maxWorkers")).isEqualTo(50);
			assertThat(JsonPath.<Object>read(endpoint, "$.executors.applicationTaskExecutor")).isNotNull();
			String threads = get(context, "/actuator/metrics/betapool.threads?tag=name:tomcat");
			assertThat(JsonPath.<String>read(threads, "$.name")).isEqualTo("betapool.threads");
			assertThat(context.getBean("applicationTaskExecutor", BetaPoolTaskExecutor.class).getThreadPoolExecutor())
				.isNotSameAs(pool);
		}
	}

	@Test
	void theRequestPoolTakesTomcatsThreadSizesByDefault() throws Exception {
		try (ConfigurableApplicationContext context = run("betapool.web.enabled=true")) {
			AdaptiveThreadPoolExecutor pool = context.getBean("tomcat", BetaPoolTaskExecutor.class)
				.getThreadPoolExecutor();
			assertThat(pool.getMinWorkers()).isEqualTo(10);
			assertThat(pool.getMaxWorkers()).isEqualTo(200);
		}
	}

	@Test
	void tomcatKeepsItsOwnThreadsByDefault() throws Exception {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(get(context, "/thread")).startsWith("http-nio-");
			assertThat(context.containsBean("tomcat")).isFalse();
		}
	}

	@Test
	void anInvalidTomcatSizeIsReportedUnderTomcatsProperty() {
		assertThatException().isThrownBy(() -> run("betapool.web.enabled=true", "server.tomcat.threads.max=2"))
			.satisfies((failure) -> {
				FailureAnalysis analysis = new InvalidBetaPoolPropertyFailureAnalyzer(null).analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Property: server.tomcat.threads.max")
					.contains("Value: \"2\"")
					.contains("Allowed: an integer of at least server.tomcat.threads.min-spare (10)");
			});
	}

	private ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(WebApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "management.endpoints.web.exposure.include=betapool,metrics")
			.properties(properties)
			.run();
	}

	private String get(ConfigurableApplicationContext context, String path) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpResponse<String> response = this.client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
		return response.body();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ThreadNameController.class)
	static class WebApplication {

	}

	@RestController
	static class ThreadNameController {

		@GetMapping("/thread")
		String thread() {
			return Thread.currentThread().getName();
		}

	}

}
