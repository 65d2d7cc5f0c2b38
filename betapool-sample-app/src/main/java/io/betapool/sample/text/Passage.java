package io.betapool.sample.text;

import java.util.Objects;

/**
 * One passage of the corpus.
 *
 * @param id stable identifier, {@code p1}, {@code p2}, …
 * @param title short title
 * @param text the passage, a few sentences
 */
public record Passage(String id, String title, String text) {

	/**
	 * Creates a passage.
	 */
	public Passage {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(text, "text");
	}

}
