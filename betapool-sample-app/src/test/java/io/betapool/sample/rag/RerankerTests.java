package io.betapool.sample.rag;

import java.util.List;

import io.betapool.sample.rag.BackendClient.RetrievedPassage;
import io.betapool.sample.rag.Reranker.Ranked;
import io.betapool.sample.text.Tokenizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RerankerTests {

	@Test
	void putsThePassageThatHoldsTheQueryTermsFirst() {
		List<RetrievedPassage> candidates = List.of(
				new RetrievedPassage("a", "Edge devices", "Cameras and gateways have few cores.", 0.4),
				new RetrievedPassage("b", "Little's law", "Requests in flight equal arrival rate times time in system.", 0.1),
				new RetrievedPassage("c", "Context switches", "A switch saves registers and restores others.", 0.3));
		List<Ranked> ranked = Reranker.rerank(Tokenizer.terms("arrival rate in flight"), candidates, 2);
		assertThat(ranked).hasSize(2);
		assertThat(ranked.get(0).passage().id()).isEqualTo("b");
		assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
	}

	@Test
	void proximityRewardsAdjacentQueryTerms() {
		List<String> query = List.of("blocking", "ratio");
		assertThat(Reranker.proximity(query, List.of("blocking", "ratio", "pool"))).isEqualTo(1.0);
		assertThat(Reranker.proximity(query, List.of("blocking", "a", "b", "ratio"))).isEqualTo(0.5);
		assertThat(Reranker.proximity(query, List.of("blocking", "pool"))).isEqualTo(0.5);
		assertThat(Reranker.proximity(query, List.of("pool"))).isZero();
	}

	@Test
	void promptListsTheQuestionAndEachPassage() {
		List<Ranked> passages = List.of(new Ranked(new RetrievedPassage("a", "Title", "Text.", 0.5), 0.9));
		assertThat(RagPipeline.prompt("Why?", passages)).isEqualTo("Question: Why?\n[1] Title: Text.\n");
	}

}
