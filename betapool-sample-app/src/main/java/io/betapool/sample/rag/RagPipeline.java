package io.betapool.sample.rag;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.betapool.sample.rag.BackendClient.Completion;
import io.betapool.sample.rag.BackendClient.RetrievedPassage;
import io.betapool.sample.rag.RagAnswer.Source;
import io.betapool.sample.rag.RagAnswer.StageTimings;
import io.betapool.sample.rag.Reranker.Ranked;
import io.betapool.sample.text.Tokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Answers questions by retrieval-augmented generation, on the application task executor:
 * <ol>
 * <li>tokenise the question (CPU);</li>
 * <li>retrieve {@code 4 · topK} candidate passages from the vector store (an HTTP call);</li>
 * <li>rerank them with BM25, embedding similarity and term proximity, and keep {@code topK} (CPU);</li>
 * <li>ask the language model, with the question and the kept passages in the prompt (an HTTP call).</li>
 * </ol>
 * Its threads spend nearly all their time waiting on the two calls: a blocking ratio close to 1. Each
 * answer is then audited by {@link AnswerAudit}, on an executor of its own.
 */
@Service
public class RagPipeline {

	private static final int CONTEXT_CHARACTERS_PER_PASSAGE = 400;

	private static final Logger logger = LoggerFactory.getLogger(RagPipeline.class);

	private final BackendClient backends;

	private final AnswerAudit audit;

	RagPipeline(BackendClient backends, AnswerAudit audit) {
		this.backends = backends;
		this.audit = audit;
	}

	/**
	 * Answers {@code query} on a worker of the adaptive pool.
	 */
	@Async
	public CompletableFuture<RagAnswer> answer(RagQuery query) {
		long start = System.nanoTime();
		List<String> terms = Tokenizer.terms(query.question());
		long tokenized = System.nanoTime();
		List<RetrievedPassage> candidates = this.backends.search(query.question(),
				query.topK() * RagQuery.CANDIDATES_PER_RESULT, query.searchLatencyMs());
		long retrieved = System.nanoTime();
		List<Ranked> kept = Reranker.rerank(terms, candidates, query.topK());
		String prompt = prompt(query.question(), kept);
		long reranked = System.nanoTime();
		Completion completion = this.backends.complete(prompt, query.llmLatencyMs());
		long answered = System.nanoTime();
		List<Source> sources = kept.stream()
			.map((ranked) -> new Source(ranked.passage().id(), ranked.passage().title(), round(ranked.score())))
			.toList();
		StageTimings timings = new StageTimings(millis(start, tokenized), millis(tokenized, retrieved),
				millis(retrieved, reranked), millis(reranked, answered), millis(start, answered));
		try {
			this.audit.record(query.question());
		}
		catch (TaskRejectedException ex) {
			// the audit executor's queue is full: the answer does not wait for its audit record
			logger.debug("Audit record of an answer dropped: {}", ex.getMessage());
		}
		return CompletableFuture.completedFuture(new RagAnswer(query.question(), completion.text(), completion.model(),
				sources, timings, Thread.currentThread().getName()));
	}

	/**
	 * The prompt: {@code Question: …} on the first line, then {@code [n] title: text} per passage.
	 */
	static String prompt(String question, List<Ranked> passages) {
		StringBuilder prompt = new StringBuilder("Question: ").append(question.replace('\n', ' ')).append('\n');
		for (int i = 0; i < passages.size(); i++) {
			RetrievedPassage passage = passages.get(i).passage();
			String text = passage.text();
			if (text.length() > CONTEXT_CHARACTERS_PER_PASSAGE) {
				text = text.substring(0, CONTEXT_CHARACTERS_PER_PASSAGE);
			}
			prompt.append('[').append(i + 1).append("] ").append(passage.title()).append(": ").append(text).append('\n');
		}
		return prompt.toString();
	}

	private static double millis(long from, long to) {
		return round((to - from) / 1e6);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
