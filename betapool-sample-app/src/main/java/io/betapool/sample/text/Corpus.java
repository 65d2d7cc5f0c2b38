package io.betapool.sample.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in corpus: short passages on thread pools, the blocking ratio and the workloads of this
 * application, read from {@code corpus/passages.txt} on the class path. In that file each passage is a
 * line {@code # title} followed by its text, passages separated by blank lines.
 */
public final class Corpus {

	private static final String RESOURCE = "corpus/passages.txt";

	private final List<Passage> passages;

	private Corpus(List<Passage> passages) {
		this.passages = List.copyOf(passages);
	}

	/**
	 * The corpus shipped with the application.
	 */
	public static Corpus builtIn() {
		try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing class path resource " + RESOURCE);
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Corpus parse(String content) {
		List<Passage> passages = new ArrayList<>();
		String title = null;
		StringBuilder text = new StringBuilder();
		for (String line : (content + "\n# end").split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("# ")) {
				if (title != null && !text.isEmpty()) {
					passages.add(new Passage("p" + (passages.size() + 1), title, text.toString().strip()));
				}
				title = trimmed.substring(2).strip();
				text.setLength(0);
			}
			else if (!trimmed.isEmpty()) {
				text.append(trimmed).append(' ');
			}
		}
		return new Corpus(passages);
	}

	/**
	 * Every passage, in file order.
	 */
	public List<Passage> passages() {
		return this.passages;
	}

}
