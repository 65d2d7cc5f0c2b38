package io.betapool.sample.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into lower-case terms, drops stop words and strips common English suffixes, so that
 * "pools", "pooling" and "pool" count as one term.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tokenizer {

	private static final Set<String> STOP_WORDS = Set.of("a", "about", "after", "all", "also", "an", "and", "any",
			"are", "as", "at", "be", "because", "been", "before", "both", "but", "by", "can", "do", "does", "each",
			"for", "from", "has", "have", "how", "if", "in", "into", "is", "it", "its", "may", "more", "most", "much",
			"no", "not", "of", "on", "one", "only", "or", "other", "so", "some", "such", "than", "that", "the",
			"their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "up", "use", "very",
			"was", "way", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would", "you",
			"your");

	private Tokenizer() {
	}

	/**
	 * The terms of {@code text}, in order, stop words removed.
	 */
	public static List<String> terms(String text) {
		List<String> terms = new ArrayList<>();
		String lower = text.toLowerCase(Locale.ROOT);
		int start = -1;
		for (int i = 0; i <= lower.length(); i++) {
			boolean letter = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				String word = lower.substring(start, i);
				if (word.length() > 1 && !STOP_WORDS.contains(word)) {
					terms.add(stem(word));
				}
				start = -1;
			}
		}
		return terms;
	}

	/**
	 * The word with one common inflectional suffix removed, keeping a stem of at least three letters.
	 */
	static String stem(String word) {
		for (String suffix : new String[] { "ations", "ation", "ings", "ing", "ies", "ers", "er", "ed", "es", "s" }) {
			if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
				String stem = word.substring(0, word.length() - suffix.length());
				return suffix.equals("ies") ? stem + "y" : stem;
			}
		}
		return word;
	}

}
