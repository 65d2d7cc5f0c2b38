package io.betapool.benchmarks.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StaticLadder}.
 */
class StaticLadderTests {

	@Test
	void theLadderSpansHalfToTwiceTheKneeBesideTheCores() {
		// knee 20: 10, 14, 20, 28, 40
		assertThat(StaticLadder.sizes(2, List.of(19.4), List.of(), 256)).containsExactly(2, 10, 14, 20, 28, 40);
	}

	@Test
	void everyPhasesKneeAndPoissonBusyThreadsAreSwept() {
		assertThat(StaticLadder.sizes(2, List.of(2.0, 100.0), List.of(1.4, 61.2), 256)).containsExactly(2, 50, 62, 71,
				100, 141, 200);
	}

	@Test
	void noSizeExceedsWhatCanBeBusy() {
		// a closed loop of 30 outstanding cannot keep more than 30 threads busy
		assertThat(StaticLadder.sizes(2, List.of(500.0), List.of(), 30)).containsExactly(2, 15, 21, 30);
	}

	@Test
	void aBestSizeAtTheTopOfTheSweepIsFollowedUpwards() {
		assertThat(StaticLadder.extension(40, List.of(2, 10, 14, 20, 28, 40), 256)).hasValue(80);
		assertThat(StaticLadder.extension(40, List.of(2, 10, 40), 60)).hasValue(60);
		assertThat(StaticLadder.extension(60, List.of(2, 10, 40, 60), 60)).isEmpty();
	}

	@Test
	void aBestSizeAtTheBottomIsFollowedDownwards() {
		assertThat(StaticLadder.extension(4, List.of(4, 8, 16), 256)).hasValue(2);
		assertThat(StaticLadder.extension(1, List.of(1, 2, 4), 256)).isEmpty();
	}

	@Test
	void aBestSizeInsideTheSweepNeedsNoMore() {
		assertThat(StaticLadder.extension(14, List.of(2, 10, 14, 20, 28, 40), 256)).isEmpty();
	}

}
