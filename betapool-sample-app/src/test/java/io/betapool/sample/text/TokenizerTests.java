package io.betapool.sample.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTests {

	@Test
	void lowerCasesSplitsAndDropsStopWords() {
		assertThat(Tokenizer.terms("How does THE Pool grow, and why?")).containsExactly("pool", "grow");
	}

	@Test
	void reducesInflectionsToOneStem() {
		assertThat(Tokenizer.terms("pools pooling pool")).containsExactly("pool", "pool", "pool");
		assertThat(Tokenizer.terms("latencies")).containsExactly("latency");
	}

	@Test
	void keepsShortStemsWhole() {
		assertThat(Tokenizer.stem("uses")).isEqualTo("use");
		assertThat(Tokenizer.stem("bus")).isEqualTo("bus");
	}

	@Test
	void findsNoTermsInPunctuation() {
		assertThat(Tokenizer.terms(" ... ?! ")).isEmpty();
	}

}
