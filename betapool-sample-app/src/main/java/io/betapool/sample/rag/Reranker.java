package io.betapool.sample.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.betapool.sample.rag.BackendClient.RetrievedPassage;
import io.betapool.sample.text.Bm25;
import io.betapool.sample.text.HashedEmbedding;
import io.betapool.sample.text.Tokenizer;

/**
 * Orders retrieved passages by a score that combines three signals, each scaled to [0, 1]:
 * <pre>
 *   score     = 0.5 · bm25 / max(bm25) + 0.3 · max(0, cosine) + 0.2 · proximity
 *   proximity = (m / q) · (m / w)
 * </pre>
 * with q the distinct query terms, m those the passage holds and w the length of its shortest run of
 * terms holding all m. BM25 uses the statistics of the retrieved set; cosine is that of
 * {@linkplain HashedEmbedding hashed embeddings} recomputed from the passage text. All of it is plain
 * CPU work.
 */
final class Reranker {

	private static final double BM25_WEIGHT = 0.5;

	private static final double COSINE_WEIGHT = 0.3;

	private static final double PROXIMITY_WEIGHT = 0.2;

	private Reranker() {
	}

	/**
	 * The {@code limit} best of {@code candidates} for {@code queryTerms}, best first.
	 */
	static List<Ranked> rerank(List<String> queryTerms, List<RetrievedPassage> candidates, int limit) {
		List<List<String>> documents = new ArrayList<>(candidates.size());
		for (RetrievedPassage candidate : candidates) {
			documents.add(Tokenizer.terms(candidate.title() + " " + candidate.text()));
		}
		Bm25 bm25 = new Bm25(documents);
		double[] lexical = new double[candidates.size()];
		double maxLexical = 0;
		for (int i = 0; i < lexical.length; i++) {
			lexical[i] = bm25.score(i, queryTerms);
			maxLexical = Math.max(maxLexical, lexical[i]);
		}
		float[] query = HashedEmbedding.of(queryTerms);
		List<Ranked> ranked = new ArrayList<>(candidates.size());
		for (int i = 0; i < candidates.size(); i++) {
			double cosine = Math.max(0, HashedEmbedding.cosine(query, HashedEmbedding.of(documents.get(i))));
			double score = BM25_WEIGHT * ((maxLexical > 0) ? lexical[i] / maxLexical : 0) + COSINE_WEIGHT * cosine
					+ PROXIMITY_WEIGHT * proximity(queryTerms, documents.get(i));
			ranked.add(new Ranked(candidates.get(i), score));
		}
		ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
		return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
	}

	/**
	 * How many of the query's terms {@code document} holds and how closely they stand together, from 0
	 * (none present) to 1 (all present and adjacent).
	 */
	static double proximity(List<String> queryTerms, List<String> document) {
		Set<String> distinctQueryTerms = new HashSet<>(queryTerms);
		Set<String> wanted = new HashSet<>(distinctQueryTerms);
		wanted.retainAll(new HashSet<>(document));
		int matched = wanted.size();
		if (matched == 0) {
			return 0;
		}
		int shortestWindow = Integer.MAX_VALUE;
		Map<String, Integer> window = new HashMap<>();
		int left = 0;
		for (int right = 0; right < document.size(); right++) {
			String term = document.get(right);
			if (wanted.contains(term)) {
				window.merge(term, 1, Integer::sum);
			}
			while (window.size() == matched) {
				shortestWindow = Math.min(shortestWindow, right - left + 1);
				String leaving = document.get(left++);
				if (wanted.contains(leaving) && window.merge(leaving, -1, Integer::sum) == 0) {
					window.remove(leaving);
				}
			}
		}
		double coverage = (double) matched / distinctQueryTerms.size();
		return coverage * matched / shortestWindow;
	}

	/**
	 * A passage with its reranking score.
	 *
	 * @param passage the passage
	 * @param score its score, from 0 to 1
	 */
	record Ranked(RetrievedPassage passage, double score) {

	}

}
