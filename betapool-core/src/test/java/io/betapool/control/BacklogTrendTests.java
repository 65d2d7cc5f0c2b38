package io.betapool.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BacklogTrendTests {

	private final Samples samples = new Samples();

	private final BacklogTrend trend = new BacklogTrend(Samples.CONFIG, Samples.SETTINGS);

	private long tick(int threads, int queued, long completed) {
		return this.trend.observe(this.samples.next().currentThreads(threads).activeThreads(threads)
			.busyThreads(threads).queueSize(queued).intervalTasks(completed).build());
	}

	@Test
	void aClosedLoopsBacklogHoldsStillAndAsksForNoMoreThreads() {
		tick(50, 150, 0);
		for (int i = 0; i < 20; i++) {
			assertThat(tick(50, 150 + (i % 3) - 1, 100)).isEqualTo(50);
		}
	}

	@Test
	void arrivalsThatOutrunThePoolAskForTheThreadsThatWouldCompleteThem() {
		tick(50, 50, 0);
		// 100 completed while the pool grew by 60: 160 arrived; 60 ≥ 2.353 · √260 ≈ 37.9
		assertThat(tick(50, 110, 100)).isEqualTo(80);
	}

	@Test
	void growthWithinTheNoiseOfTheCountsAsksForNothing() {
		tick(50, 50, 0);
		assertThat(tick(50, 80, 100)).isEqualTo(50);
		// the same rate held for longer is no longer noise: 60 more over 200 completed, 60 ≥ 2.353 · √460 ≈ 50.5
		assertThat(tick(50, 110, 100)).isEqualTo(65);
	}

	@Test
	void aWindowInWhichTheThreadsCompletedTooFewTasksDecidesNothing() {
		tick(50, 50, 0);
		assertThat(tick(50, 150, 40)).isEqualTo(50);
	}

	@Test
	void growthIsBoundedByDoublingAndByHowFarPastTheKneeTrialsGo() {
		tick(20, 20, 0);
		// 20 completed while 60 more queued: 80 arrived, four times the pace of 20 threads
		assertThat(tick(20, 80, 20)).isEqualTo(80);
		assertThat(this.trend.size(20, 30)).isEqualTo(2 * 20 + Samples.CONFIG.scaleUpStep());
		assertThat(this.trend.size(20, 12)).isEqualTo(Samples.SETTINGS.probeLimit() * 12);
		assertThat(this.trend.size(20, 8)).isEqualTo(20);
	}

	@Test
	void theWindowStartsAgainWhenNoWorkWaitsOrThePoolIsResized() {
		tick(50, 50, 0);
		tick(50, 0, 100);
		assertThat(tick(50, 110, 100)).isEqualTo(50);
		tick(60, 110, 100);
		assertThat(tick(60, 110, 100)).isEqualTo(60);
	}

}
