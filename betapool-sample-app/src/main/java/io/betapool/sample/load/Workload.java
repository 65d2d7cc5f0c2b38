package io.betapool.sample.load;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a load phase submits; written in lower case in plans ({@code "workload": "rag"}).
 */
public enum Workload {

	/** Questions to the RAG pipeline: two HTTP calls and a little text work, blocking ratio ≈ 1. */
	RAG,

	/** Frames to the edge classifier: pure computation, blocking ratio ≈ 0. */
	INFERENCE,

	/** RAG questions and inference frames at random, in the share {@code sample.load.mixed-rag-share}. */
	MIXED,

	/** Synthetic tasks that only block, for {@code sample.load.io-latency}. */
	IO,

	/** Synthetic tasks that only compute, {@code sample.load.cpu-iterations} mixing steps each. */
	CPU,

	/** Nothing: the pool sees no work for the phase's duration. */
	IDLE;

	/**
	 * The name used in plans.
	 */
	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return id();
	}

}
