package io.betapool.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * What one simulated retrieval-augmented generation request did: the measured wall time of each of
 * its five stages, in the order they ran, and the result of its CPU stages.
 *
 * @param network the network receive (blocking)
 * @param tokenization the tokenisation (CPU)
 * @param vectorSearch the vector database lookup (blocking)
 * @param reranking the re-ranking of the retrieved documents (CPU)
 * @param llm the call to the language model (blocking)
 * @param checksum the result of the CPU stages, kept so that their work cannot be optimised away
 * @see WorkloadGenerator#ragPipelineTask(double, double, double, int, int)
 */
public record RagResult(Duration network, Duration tokenization, Duration vectorSearch, Duration reranking,
		Duration llm, long checksum) {

	/**
	 * Creates a result from the stage times and the checksum.
	 */
	public RagResult {
		Objects.requireNonNull(network, "network");
		Objects.requireNonNull(tokenization, "tokenization");
		Objects.requireNonNull(vectorSearch, "vectorSearch");
		Objects.requireNonNull(reranking, "reranking");
		Objects.requireNonNull(llm, "llm");
	}

	/**
	 * The wall time of the whole request: the sum of its stages, which ran back to back.
	 */
	public Duration total() {
		return io().plus(cpu());
	}

	/**
	 * The time spent in the blocking stages: network, vector search and language model.
	 */
	public Duration io() {
		return this.network.plus(this.vectorSearch).plus(this.llm);
	}

	/**
	 * The time spent in the CPU stages: tokenisation and re-ranking.
	 */
	public Duration cpu() {
		return this.tokenization.plus(this.reranking);
	}

}
