package io.betapool.benchmarks.analysis;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StaticSweep}.
 */
class StaticSweepTests {

	private final StaticSweep sweep = new StaticSweep(List.of(point(256, 3900), point(1, 48), point(32, 1500),
			point(64, 3000), point(128, 3960), point(96, 3890)));

	@Test
	void theBestIsTheHighestThroughput() {
		assertThat(this.sweep.best().size()).isEqualTo(128);
	}

	@Test
	void theKneeIsTheSmallestSizeWithinTwoPercentOfTheBest() {
		assertThat(this.sweep.knee().size()).isEqualTo(96);
	}

	@Test
	void aTieGoesToTheSmallerSize() {
		StaticSweep tie = new StaticSweep(List.of(point(8, 100), point(4, 100), point(16, 99)));
		assertThat(tie.best().size()).isEqualTo(4);
		assertThat(tie.knee().size()).isEqualTo(4);
	}

	@Test
	void pointsAreSortedBySize() {
		assertThat(this.sweep.points()).extracting(StaticSweep.Point::size).containsExactly(1, 32, 64, 96, 128, 256);
		assertThat(this.sweep.at(64)).contains(point(64, 3000));
		assertThat(this.sweep.at(5)).isEmpty();
	}

	@Test
	void refinementsLieBetweenHalfTheKneeAndTheKnee() {
		assertThat(StaticSweep.refinements(128, Set.of(64, 128))).containsExactly(80, 96, 112);
		assertThat(StaticSweep.refinements(128, Set.of(96))).containsExactly(80, 112);
		assertThat(StaticSweep.refinements(4, Set.of())).containsExactly(3);
		assertThat(StaticSweep.refinements(2, Set.of())).isEmpty();
	}

	@Test
	void anEmptySweepIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StaticSweep(List.of()));
	}

	private static StaticSweep.Point point(int size, double throughput) {
		return new StaticSweep.Point(size, throughput);
	}

}
