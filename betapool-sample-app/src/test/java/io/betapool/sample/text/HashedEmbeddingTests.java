package io.betapool.sample.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HashedEmbeddingTests {

	@Test
	void embeddingsHaveUnitLength() {
		float[] vector = HashedEmbedding.of(Tokenizer.terms("the blocking ratio of a thread pool"));
		assertThat(HashedEmbedding.cosine(vector, vector)).isCloseTo(1.0, within(1e-5));
	}

	@Test
	void relatedTextIsMoreSimilarThanUnrelatedText() {
		float[] query = HashedEmbedding.of(Tokenizer.terms("threads blocked on I/O"));
		float[] related = HashedEmbedding.of(Tokenizer.terms("a thread that blocks on I/O waits"));
		float[] unrelated = HashedEmbedding.of(Tokenizer.terms("convolution filters over camera frames"));
		assertThat(HashedEmbedding.cosine(query, related)).isGreaterThan(HashedEmbedding.cosine(query, unrelated));
	}

	@Test
	void emptyTextEmbedsAsZeros() {
		assertThat(HashedEmbedding.of(List.of())).containsOnly(0f);
	}

}
