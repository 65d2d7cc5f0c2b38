package io.betapool.sample.backend;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.betapool.sample.backend.LanguageModelStandIn.Completion;
import io.betapool.sample.backend.VectorStore.Match;
import io.betapool.sample.web.Inputs;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stand-in backends, served by this application so that the RAG pipeline makes real HTTP calls
 * without any outside service: a vector store, a language model and an audit store. Each answers after
 * its latency (from {@code latencyMs}, or {@link BackendProperties}), jittered; the wait happens on the
 * web server's request thread, as it would in the remote service, not on the executors of the callers.
 */
@RestController
@RequestMapping("/backend")
public class BackendController {

	/** Largest latency a request may ask for, in milliseconds. */
	public static final int MAX_LATENCY_MS = 10_000;

	private final VectorStore vectorStore;

	private final LanguageModelStandIn languageModel;

	private final AuditStore auditStore;

	private final BackendProperties properties;

	BackendController(VectorStore vectorStore, LanguageModelStandIn languageModel, AuditStore auditStore,
			BackendProperties properties) {
		this.vectorStore = vectorStore;
		this.languageModel = languageModel;
		this.auditStore = auditStore;
		this.properties = properties;
	}

	/**
	 * The passages most similar to {@code q}.
	 */
	@GetMapping("/vector-search")
	public VectorSearchResult vectorSearch(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String topK,
			@RequestParam(required = false) @Nullable String latencyMs) {
		long start = System.nanoTime();
		String query = Inputs.text("q", q, 2000);
		int limit = Inputs.wholeNumber("topK", topK, 10, 1, this.vectorStore.size());
		Duration latency = latency(latencyMs, this.properties.vectorSearchLatency());
		List<Match> matches = this.vectorStore.search(query, limit);
		awaitLatency(start, latency);
		return new VectorSearchResult(matches, millisSince(start));
	}

	/**
	 * The completion of {@code prompt}.
	 */
	@GetMapping("/llm")
	public Completion llm(@RequestParam(required = false) @Nullable String prompt,
			@RequestParam(required = false) @Nullable String latencyMs) {
		long start = System.nanoTime();
		String text = Inputs.text("prompt", prompt, 6000);
		Duration latency = latency(latencyMs, this.properties.llmLatency());
		Completion completion = this.languageModel.complete(text);
		awaitLatency(start, latency);
		return completion;
	}

	/**
	 * Stores one audit record of {@code question}, after the audit store's latency.
	 * @return the number of records stored so far
	 */
	@PostMapping("/audit")
	public AuditCount audit(@RequestParam(required = false) @Nullable String question) {
		long start = System.nanoTime();
		Inputs.text("question", question, 2000);
		awaitLatency(start, latency(null, this.properties.auditLatency()));
		return new AuditCount(this.auditStore.add());
	}

	/**
	 * The number of audit records stored so far.
	 */
	@GetMapping("/audit")
	public AuditCount auditCount() {
		return new AuditCount(this.auditStore.count());
	}

	private Duration latency(@Nullable String latencyMs, Duration fallback) {
		int millis = Inputs.wholeNumber("latencyMs", latencyMs, (int) fallback.toMillis(), 0, MAX_LATENCY_MS);
		double jitter = this.properties.jitter();
		double factor = (jitter > 0) ? ThreadLocalRandom.current().nextDouble(1 - jitter, 1 + jitter) : 1;
		return Duration.ofNanos(Math.round(millis * 1_000_000.0 * factor));
	}

	/**
	 * Waits out the rest of the latency; a wait interrupted because the server stops ends early.
	 */
	private static void awaitLatency(long start, Duration latency) {
		long remaining = latency.toNanos() - (System.nanoTime() - start);
		if (remaining > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(remaining);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static double millisSince(long start) {
		return (System.nanoTime() - start) / 1e6;
	}

	/**
	 * What the vector store found.
	 *
	 * @param matches the passages, most similar first
	 * @param tookMs the time the search took, latency included, in milliseconds
	 */
	public record VectorSearchResult(List<Match> matches, double tookMs) {

	}

	/**
	 * The audit store's size.
	 *
	 * @param records the number of records stored since the application started
	 */
	public record AuditCount(long records) {

	}

}
