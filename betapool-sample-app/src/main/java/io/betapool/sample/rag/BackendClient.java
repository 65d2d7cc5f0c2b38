package io.betapool.sample.rag;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.betapool.sample.backend.BackendProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The RAG pipeline's HTTP client for its vector store, language model and audit store, which this application serves
 * itself under {@code /backend}: the calls are real HTTP round trips over the loopback interface, and the
 * calling thread blocks until the answer arrives. Its records read only the fields the pipeline uses and
 * ignore the rest, as a client of a remote service should.
 */
@Component
public class BackendClient {

	private final RestClient.Builder builder;

	private final BackendProperties properties;

	private volatile @Nullable RestClient client;

	BackendClient(RestClient.Builder builder, BackendProperties properties) {
		this.builder = builder;
		this.properties = properties;
	}

	/**
	 * Points the client at {@code sample.backend.url}, or at this application once its web server has a
	 * port.
	 */
	@EventListener
	void onWebServerInitialized(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			URI url = this.properties.url();
			String baseUrl = (url != null) ? url.toString() : "http://localhost:" + event.getWebServer().getPort();
			this.client = this.builder.clone().baseUrl(baseUrl).build();
		}
	}

	/**
	 * Asks the vector store for the {@code topK} passages most similar to {@code query}.
	 * @param latencyMs the latency the store should take, or {@code null} for its default
	 */
	public List<RetrievedPassage> search(String query, int topK, @Nullable Integer latencyMs) {
		Map<String, Object> variables = new HashMap<>(Map.of("q", query, "topK", topK));
		SearchResponse response = client().get()
			.uri(withLatency("/backend/vector-search?q={q}&topK={topK}", latencyMs, variables), variables)
			.retrieve()
			.body(SearchResponse.class);
		return (response != null) ? response.matches() : List.of();
	}

	/**
	 * Asks the language model to complete {@code prompt}.
	 * @param latencyMs the latency the model should take, or {@code null} for its default
	 */
	public Completion complete(String prompt, @Nullable Integer latencyMs) {
		Map<String, Object> variables = new HashMap<>(Map.of("prompt", prompt));
		Completion completion = client().get()
			.uri(withLatency("/backend/llm?prompt={prompt}", latencyMs, variables), variables)
			.retrieve()
			.body(Completion.class);
		if (completion == null) {
			throw new IllegalStateException("The language model answered with an empty body");
		}
		return completion;
	}

	/**
	 * Stores an audit record of {@code question} in the audit store.
	 */
	public void audit(String question) {
		client().post().uri("/backend/audit?question={question}", question).retrieve().toBodilessEntity();
	}

	/**
	 * The URI template with a {@code latencyMs} parameter when one is given; values go through variables so
	 * that they are encoded whatever characters they hold.
	 */
	private static String withLatency(String template, @Nullable Integer latencyMs, Map<String, Object> variables) {
		if (latencyMs == null) {
			return template;
		}
		variables.put("latencyMs", latencyMs);
		return template + "&latencyMs={latencyMs}";
	}

	private RestClient client() {
		RestClient client = this.client;
		if (client == null) {
			throw new IllegalStateException("The web server has not started yet");
		}
		return client;
	}

	/**
	 * A passage the vector store returned.
	 *
	 * @param id the passage identifier
	 * @param title its title
	 * @param text its text
	 * @param similarity the store's cosine similarity to the query
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record RetrievedPassage(String id, String title, String text, double similarity) {

	}

	/**
	 * The vector store's answer.
	 *
	 * @param matches the passages found, most similar first
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SearchResponse(List<RetrievedPassage> matches) {

	}

	/**
	 * The language model's answer.
	 *
	 * @param text the completion
	 * @param model the model that wrote it
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Completion(String text, String model) {

	}

}
