package io.betapool.sample.rag;

import java.util.List;

import io.betapool.sample.backend.BackendController;
import io.betapool.sample.rag.BackendClient.RetrievedPassage;
import io.betapool.sample.rag.RagAnswer.Source;
import io.betapool.sample.rag.Reranker.Ranked;
import io.betapool.sample.text.Tokenizer;
import io.betapool.sample.web.Inputs;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /search?q=…}: a plain blocking Spring MVC endpoint. It runs on the web server's request
 * thread, which with {@code betapool.web.enabled=true} is a worker of the adaptive pool {@code tomcat}:
 * it calls the stand-in vector store over HTTP, waits for its answer, and reranks the candidates.
 */
@RestController
public class SearchController {

	private final BackendClient backends;

	SearchController(BackendClient backends) {
		this.backends = backends;
	}

	/**
	 * The {@code topK} passages that best answer {@code q}.
	 * @param q the question
	 * @param topK how many passages to return, 1 to 10, default 3
	 * @param searchLatencyMs latency of the vector store in milliseconds, 0 to 10000, default from
	 * {@code sample.backend.vector-search-latency}
	 */
	@GetMapping("/search")
	public SearchResult search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String topK,
			@RequestParam(required = false) @Nullable String searchLatencyMs) {
		long start = System.nanoTime();
		String question = Inputs.text("q", q, RagController.MAX_QUESTION_LENGTH);
		int limit = Inputs.wholeNumber("topK", topK, RagQuery.DEFAULT_TOP_K, 1, RagQuery.MAX_TOP_K);
		Integer latency = (searchLatencyMs != null)
				? Inputs.wholeNumber("searchLatencyMs", searchLatencyMs, 0, 0, BackendController.MAX_LATENCY_MS) : null;
		List<RetrievedPassage> candidates = this.backends.search(question, limit * RagQuery.CANDIDATES_PER_RESULT,
				latency);
		List<Ranked> kept = Reranker.rerank(Tokenizer.terms(question), candidates, limit);
		List<Source> sources = kept.stream()
			.map((ranked) -> new Source(ranked.passage().id(), ranked.passage().title(),
					Math.round(ranked.score() * 1000) / 1000.0))
			.toList();
		double tookMs = Math.round((System.nanoTime() - start) / 1e3) / 1e3;
		return new SearchResult(question, sources, tookMs, Thread.currentThread().getName());
	}

	/**
	 * The passages found for a question.
	 *
	 * @param question the question
	 * @param sources the passages kept, best first
	 * @param tookMs the time the request took on its thread, in milliseconds
	 * @param thread the name of the request thread that served it
	 */
	public record SearchResult(String question, List<Source> sources, double tookMs, String thread) {

	}

}
