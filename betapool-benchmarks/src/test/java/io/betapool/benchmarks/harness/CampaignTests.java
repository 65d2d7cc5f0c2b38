package io.betapool.benchmarks.harness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the open-loop ladder of {@link Campaign}.
 */
class CampaignTests {

	@Test
	void theOpenLoopLadderRunsFromTheLoadsShareOfTheKneeToTwiceIt() {
		// 0.5 · 82 = 41, · √2 = 58, · 2 = 82
		assertThat(Campaign.openLadder(0.5, 82, 96)).containsExactly(41, 58, 82);
	}

	@Test
	void sizesFromTheBestUpAreAlreadyMeasured() {
		assertThat(Campaign.openLadder(0.9, 82, 96)).containsExactly(74);
		assertThat(Campaign.openLadder(0.7, 2, 2)).isEmpty();
	}

}
