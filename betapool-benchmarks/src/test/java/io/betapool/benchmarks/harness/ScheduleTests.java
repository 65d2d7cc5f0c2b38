package io.betapool.benchmarks.harness;

import java.time.Duration;

import io.betapool.benchmarks.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Schedule}.
 */
class ScheduleTests {

	private static final long SECOND = 1_000_000_000L;

	private final Durations durations = new Durations(Duration.ofSeconds(5), Duration.ofSeconds(2),
			Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ZERO);

	@Test
	void aSteadyWorkloadWarmsUpThenMeasuresOnce() {
		Schedule schedule = Schedule.of(Fixtures.steady("w", 1, 9), Duration.ofSeconds(5), this.durations);
		assertThat(schedule.segments()).containsExactly(new Schedule.Segment(0, 0, 5 * SECOND, false),
				new Schedule.Segment(0, 5 * SECOND, 15 * SECOND, true));
		assertThat(schedule.measureStart()).isEqualTo(5 * SECOND);
		assertThat(schedule.end()).isEqualTo(15 * SECOND);
	}

	@Test
	void aShiftingWorkloadMeasuresEveryPhaseInTurn() {
		Schedule schedule = Schedule.of(Fixtures.shifting(), Duration.ofSeconds(2), this.durations);
		assertThat(schedule.segments()).hasSize(4);
		assertThat(schedule.measured(1)).isEqualTo(new Schedule.Segment(1, 10 * SECOND, 18 * SECOND, true));
		assertThat(schedule.end()).isEqualTo(26 * SECOND);
	}

	@Test
	void offsetsFallInTheirSegment() {
		Schedule schedule = Schedule.of(Fixtures.shifting(), Duration.ofSeconds(2), this.durations);
		assertThat(schedule.isMeasured(SECOND)).isFalse();
		assertThat(schedule.isMeasured(2 * SECOND)).isTrue();
		assertThat(schedule.segmentAt(11 * SECOND).phase()).isEqualTo(1);
		assertThat(schedule.segmentAt(26 * SECOND)).isNull();
		assertThat(schedule.segmentAt(-1)).isNull();
	}

}
