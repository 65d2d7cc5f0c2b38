package io.betapool.measure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RecentWindowTests {

	private static final long TICK = 500_000_000L;

	@Test
	void emptyWindowReportsZero() {
		RecentWindow window = new RecentWindow();
		assertThat(window.throughput()).isZero();
		assertThat(window.latencyAt(99)).isEqualTo(Duration.ZERO);
	}

	@Test
	void percentilesComeFromTheRecordedSamples() {
		RecentWindow window = new RecentWindow();
		for (int i = 1; i <= 100; i++) {
			window.record(i * 1_000_000L, i * 100_000L);
		}
		window.endTick(100, TICK);
		assertThat(window.latencyAt(50).toNanos()).isCloseTo(50_000_000L, within(1_000_000L));
		assertThat(window.latencyAt(99).toNanos()).isCloseTo(99_000_000L, within(1_000_000L));
		assertThat(window.executionAt(99).toNanos()).isCloseTo(9_900_000L, within(100_000L));
	}

	@Test
	void throughputIsTasksOverTheWindowsDuration() {
		RecentWindow window = new RecentWindow();
		window.endTick(100, TICK);
		window.endTick(300, TICK);
		assertThat(window.throughput()).isCloseTo(400.0, within(1e-9));
	}

	@Test
	void samplesOlderThanTheWindowAreForgotten() {
		RecentWindow window = new RecentWindow();
		window.record(900_000_000L, 1_000L);
		window.endTick(1, TICK);
		for (int i = 0; i < RecentWindow.TICKS; i++) {
			window.record(1_000_000L, 1_000L);
			window.endTick(1, TICK);
		}
		assertThat(window.latencyAt(100).toNanos()).isLessThan(2_000_000L);
		assertThat(window.throughput()).isCloseTo(2.0, within(1e-9));
	}

	@Test
	void memoryIsBoundedByCapacity() {
		RecentWindow window = new RecentWindow();
		for (int i = 0; i < 3 * RecentWindow.CAPACITY; i++) {
			window.record((i < 2 * RecentWindow.CAPACITY) ? 500_000_000L : 2_000_000L, 1_000L);
		}
		window.endTick(3 * RecentWindow.CAPACITY, TICK);
		assertThat(window.latencyAt(100).toNanos()).isLessThan(3_000_000L);
	}

}
