package io.betapool.sample.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over a given set of documents, each a list of terms:
 * <pre>
 *   score(d, q) = Σ_{t ∈ q} idf(t) · f(t, d) · (k1 + 1) / (f(t, d) + k1 · (1 − b + b · |d| / avgdl))
 *   idf(t)      = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))
 * </pre>
 * with f(t, d) the count of t in d, N the number of documents, n(t) those containing t, and
 * k1 = {@value #K1}, b = {@value #B}. Document statistics are those of the set it was built from.
 */
public final class Bm25 {

	/** Term-frequency saturation. */
	public static final double K1 = 1.2;

	/** Length normalisation. */
	public static final double B = 0.75;

	private final List<List<String>> documents;

	private final Map<String, Integer> documentFrequency = new HashMap<>();

	private final double averageLength;

	/**
	 * Statistics of {@code documents}.
	 */
	public Bm25(List<List<String>> documents) {
		this.documents = List.copyOf(documents);
		long totalLength = 0;
		for (List<String> document : documents) {
			totalLength += document.size();
			for (String term : new HashSet<>(document)) {
				this.documentFrequency.merge(term, 1, Integer::sum);
			}
		}
		this.averageLength = documents.isEmpty() ? 0 : (double) totalLength / documents.size();
	}

	/**
	 * The score of document {@code index} for the query terms.
	 */
	public double score(int index, List<String> query) {
		List<String> document = this.documents.get(index);
		Map<String, Integer> counts = new HashMap<>();
		for (String term : document) {
			counts.merge(term, 1, Integer::sum);
		}
		double lengthNorm = 1 - B + B * document.size() / Math.max(1e-9, this.averageLength);
		double score = 0;
		for (String term : new HashSet<>(query)) {
			int frequency = counts.getOrDefault(term, 0);
			if (frequency == 0) {
				continue;
			}
			score += idf(term) * frequency * (K1 + 1) / (frequency + K1 * lengthNorm);
		}
		return score;
	}

	private double idf(String term) {
		int n = this.documentFrequency.getOrDefault(term, 0);
		return Math.log(1 + (this.documents.size() - n + 0.5) / (n + 0.5));
	}

}
