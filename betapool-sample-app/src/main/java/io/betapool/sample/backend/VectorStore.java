package io.betapool.sample.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.betapool.sample.text.Corpus;
import io.betapool.sample.text.HashedEmbedding;
import io.betapool.sample.text.Passage;
import io.betapool.sample.text.Tokenizer;

import org.springframework.stereotype.Component;

/**
 * The stand-in vector store: the built-in corpus with a {@linkplain HashedEmbedding hashed embedding}
 * per passage, searched exhaustively by cosine similarity.
 */
@Component
public class VectorStore {

	private final List<Passage> passages;

	private final List<float[]> embeddings;

	/**
	 * A store over the built-in corpus.
	 */
	public VectorStore() {
		this.passages = Corpus.builtIn().passages();
		this.embeddings = this.passages.stream()
			.map((passage) -> HashedEmbedding.of(Tokenizer.terms(passage.title() + " " + passage.text())))
			.toList();
	}

	/**
	 * The {@code limit} passages most similar to {@code query}, most similar first.
	 */
	public List<Match> search(String query, int limit) {
		float[] target = HashedEmbedding.of(Tokenizer.terms(query));
		List<Match> matches = new ArrayList<>(this.passages.size());
		for (int i = 0; i < this.passages.size(); i++) {
			Passage passage = this.passages.get(i);
			matches.add(new Match(passage.id(), passage.title(), passage.text(),
					HashedEmbedding.cosine(target, this.embeddings.get(i))));
		}
		matches.sort(Comparator.comparingDouble(Match::similarity).reversed());
		return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
	}

	/**
	 * Number of passages in the store.
	 */
	public int size() {
		return this.passages.size();
	}

	/**
	 * A passage found by a search.
	 *
	 * @param id the passage identifier
	 * @param title its title
	 * @param text its text
	 * @param similarity cosine similarity of its embedding to the query's, from −1 to 1
	 */
	public record Match(String id, String title, String text, double similarity) {

	}

}
