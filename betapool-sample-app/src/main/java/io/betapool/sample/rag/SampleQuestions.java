package io.betapool.sample.rag;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Questions the load driver asks the RAG pipeline, answerable from the built-in corpus.
 */
public final class SampleQuestions {

	private static final List<String> QUESTIONS = List.of("How does the pool decide to add threads?",
			"What is the blocking ratio?", "Why does raw beta lie when threads outnumber cores?",
			"How many threads does Goetz's law give for two cores?", "When does the controller veto growth?",
			"How fast does an idle pool shrink?", "What does Little's law say about threads in flight?",
			"Why is open-loop load more honest than closed-loop load?", "What is tail latency made of?",
			"How big is Spring's default application task executor?", "Do virtual threads report CPU time?",
			"What does a context switch cost?", "How does BM25 score a passage?", "What does a reranker add?",
			"How does feature hashing embed text?", "Why is a language model call I/O-bound?",
			"What happens when the queue is full?", "In which order must a thread pool be resized?",
			"What is in the decision history?", "Which meters does the starter publish?");

	private SampleQuestions() {
	}

	/**
	 * Every question.
	 */
	public static List<String> all() {
		return QUESTIONS;
	}

	/**
	 * A question drawn from {@code random}.
	 */
	public static String pick(RandomGenerator random) {
		return QUESTIONS.get(random.nextInt(QUESTIONS.size()));
	}

}
