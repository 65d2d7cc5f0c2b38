package io.betapool.benchmarks.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HttpLoad}, against a local HTTP server on a free port.
 */
class HttpLoadTests {

	@Test
	void measuresCompletedAndFailedRequestsAndTheApplicationsThreads() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		server.setExecutor(threads);
		server.createContext("/ok", (exchange) -> answer(exchange, 200, "ok"));
		server.createContext("/broken", (exchange) -> answer(exchange, 500, "broken"));
		String threadsMetric = "{\"name\":\"jvm.threads.live\",\"measurements\":"
				+ "[{\"statistic\":\"VALUE\",\"value\":42.0}]}";
		server.createContext("/actuator/metrics/jvm.threads.live", (exchange) -> answer(exchange, 200, threadsMetric));
		server.start();
		try {
			URI base = URI.create("http://localhost:" + server.getAddress().getPort());
			HttpLoad.Result ok = new HttpLoad(base.resolve("/ok")).run(2, Duration.ofMillis(100), Duration.ofSeconds(1));
			assertThat(ok.clients()).isEqualTo(2);
			assertThat(ok.throughput()).isPositive();
			assertThat(ok.failed()).isZero();
			assertThat(ok.p99Ms()).isGreaterThanOrEqualTo(ok.p50Ms()).isPositive();
			assertThat(ok.maxThreads()).isEqualTo(42);
			assertThat(ok.row("label")).startsWith("| label | 2 | ").endsWith(" | 0 | 42 |");
			HttpLoad.Result broken = new HttpLoad(base.resolve("/broken")).run(1, Duration.ZERO, Duration.ofMillis(500));
			assertThat(broken.throughput()).isZero();
			assertThat(broken.failed()).isPositive();
		}
		finally {
			server.stop(0);
			threads.shutdown();
			assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void parsesClientCountsAndDurations() {
		assertThat(HttpLoad.parseClients("50,200")).isEqualTo(List.of(50, 200));
		assertThat(HttpLoad.parseDuration("--warmup", "10s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(HttpLoad.parseDuration("--measure", "500ms")).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void refusesBadOptionsNamingThemAndWhatIsAllowed() {
		assertThatIllegalArgumentException().isThrownBy(() -> HttpLoad.parseClients("0"))
			.withMessageContaining("--clients takes positive integers");
		assertThatIllegalArgumentException().isThrownBy(() -> HttpLoad.parseClients("many"))
			.withMessageContaining("--clients takes positive integers separated by commas, such as 50,200, but was many");
		assertThatIllegalArgumentException().isThrownBy(() -> HttpLoad.parseDuration("--warmup", "soon"))
			.withMessageContaining("--warmup takes a duration such as 500ms or 20s, but was soon");
		assertThatIllegalArgumentException().isThrownBy(() -> HttpLoad.main(new String[] { "--clients", "5" }))
			.withMessageContaining("--url is required");
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream output = exchange.getResponseBody()) {
			output.write(bytes);
		}
	}

}
