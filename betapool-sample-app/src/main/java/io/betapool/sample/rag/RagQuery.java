package io.betapool.sample.rag;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One question for the RAG pipeline, already checked.
 *
 * @param question the question, not blank
 * @param topK how many passages to answer from, from 1 to {@link #MAX_TOP_K}
 * @param searchLatencyMs latency the vector store should take, or {@code null} for its default
 * @param llmLatencyMs latency the language model should take, or {@code null} for its default
 */
public record RagQuery(String question, int topK, @Nullable Integer searchLatencyMs, @Nullable Integer llmLatencyMs) {

	/** Default number of passages to answer from. */
	public static final int DEFAULT_TOP_K = 3;

	/** Largest number of passages to answer from. */
	public static final int MAX_TOP_K = 10;

	/** How many candidates per kept passage the pipeline retrieves for reranking. */
	public static final int CANDIDATES_PER_RESULT = 4;

	/**
	 * Creates a query.
	 */
	public RagQuery {
		Objects.requireNonNull(question, "question");
	}

	/**
	 * A query for {@code question} with the default number of passages and the backends' default latencies.
	 */
	public static RagQuery of(String question) {
		return new RagQuery(question, DEFAULT_TOP_K, null, null);
	}

}
