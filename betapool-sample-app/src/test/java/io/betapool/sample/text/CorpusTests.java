package io.betapool.sample.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusTests {

	@Test
	void readsTitledPassagesSeparatedByBlankLines() {
		Corpus corpus = Corpus.parse("""
				# First
				One sentence.
				Two sentences.

				# Second
				Three.
				""");
		assertThat(corpus.passages()).containsExactly(new Passage("p1", "First", "One sentence. Two sentences."),
				new Passage("p2", "Second", "Three."));
	}

	@Test
	void shipsAPassageOnEveryTopicOfTheSampleQuestions() {
		assertThat(Corpus.builtIn().passages()).hasSizeGreaterThan(30)
			.allSatisfy((passage) -> assertThat(passage.text()).isNotBlank());
	}

}
