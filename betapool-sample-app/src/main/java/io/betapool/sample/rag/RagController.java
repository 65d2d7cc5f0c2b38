package io.betapool.sample.rag;

import java.util.concurrent.CompletableFuture;

import io.betapool.sample.backend.BackendController;
import io.betapool.sample.web.Inputs;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /rag?q=…}: answers a question through the {@link RagPipeline}, which runs on the adaptive
 * pool; the request completes when the pipeline's future does.
 */
@RestController
public class RagController {

	/** Longest question accepted, in characters. */
	public static final int MAX_QUESTION_LENGTH = 500;

	private final RagPipeline pipeline;

	RagController(RagPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * Answers {@code q}.
	 * @param q the question
	 * @param topK how many passages to answer from, 1 to 10, default 3
	 * @param searchLatencyMs latency of the vector store in milliseconds, 0 to 10000, default from
	 * {@code sample.backend.vector-search-latency}
	 * @param llmLatencyMs latency of the language model in milliseconds, 0 to 10000, default from
	 * {@code sample.backend.llm-latency}
	 */
	@GetMapping("/rag")
	public CompletableFuture<RagAnswer> rag(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String topK,
			@RequestParam(required = false) @Nullable String searchLatencyMs,
			@RequestParam(required = false) @Nullable String llmLatencyMs) {
		String question = Inputs.text("q", q, MAX_QUESTION_LENGTH);
		int passages = Inputs.wholeNumber("topK", topK, RagQuery.DEFAULT_TOP_K, 1, RagQuery.MAX_TOP_K);
		Integer searchLatency = optionalLatency("searchLatencyMs", searchLatencyMs);
		Integer llmLatency = optionalLatency("llmLatencyMs", llmLatencyMs);
		return this.pipeline.answer(new RagQuery(question, passages, searchLatency, llmLatency));
	}

	private static @Nullable Integer optionalLatency(String field, @Nullable String value) {
		return (value != null && !value.isBlank())
				? Inputs.wholeNumber(field, value, 0, 0, BackendController.MAX_LATENCY_MS) : null;
	}

}
