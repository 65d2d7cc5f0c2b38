package io.betapool.sample.rag;

import java.util.List;

/**
 * The answer of the RAG pipeline, with the passages it used and the time each stage took.
 *
 * @param question the question asked
 * @param answer the language model's answer
 * @param model the model that wrote it
 * @param sources the passages the answer was written from, best first
 * @param timings the time each stage took
 * @param thread the worker thread of the adaptive pool that ran the pipeline
 */
public record RagAnswer(String question, String answer, String model, List<Source> sources, StageTimings timings,
		String thread) {

	/**
	 * A passage the answer drew on.
	 *
	 * @param id the passage identifier
	 * @param title its title
	 * @param score its reranking score, from 0 to 1
	 */
	public record Source(String id, String title, double score) {

	}

	/**
	 * Wall time of each stage, in milliseconds; the stages ran one after the other.
	 *
	 * @param tokenizeMs tokenising the question (CPU)
	 * @param vectorSearchMs the HTTP call to the vector store (I/O)
	 * @param rerankMs scoring and ordering the candidates (CPU)
	 * @param llmMs the HTTP call to the language model (I/O)
	 * @param totalMs the whole pipeline
	 */
	public record StageTimings(double tokenizeMs, double vectorSearchMs, double rerankMs, double llmMs,
			double totalMs) {

	}

}
