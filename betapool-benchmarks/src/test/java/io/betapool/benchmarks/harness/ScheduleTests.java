package io.betapool.benchmarks.harness;

import java.time.Duration;
import java.util.List;

import io.betapool.benchmarks.Fixtures;
import io.betapool.benchmarks.workload.Bursts;
import io.betapool.benchmarks.workload.WorkloadSpec;
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
	void burstsAlternateWithIdleGapsAndFollowThePhases() {
		WorkloadSpec spec = new WorkloadSpec("b", "b", List.of(Fixtures.phase("A", 1, 9), Fixtures.phase("B", 2, 0)), 50,
				new Bursts(Duration.ofSeconds(1), List.of(Duration.ofSeconds(3), Duration.ofSeconds(2))));
		Schedule schedule = Schedule.of(spec, Duration.ZERO, this.durations);
		assertThat(schedule.segments()).containsExactly(new Schedule.Segment(0, 0, 0, false),
				new Schedule.Segment(0, 0, SECOND, true), new Schedule.Segment(0, SECOND, 4 * SECOND, true, false),
				new Schedule.Segment(0, 4 * SECOND, 5 * SECOND, true),
				new Schedule.Segment(0, 5 * SECOND, 7 * SECOND, true, false),
				new Schedule.Segment(1, 7 * SECOND, 8 * SECOND, true));
		assertThat(schedule.measureStart()).isZero();
		assertThat(schedule.end()).isEqualTo(8 * SECOND);
		assertThat(schedule.measured(0)).isEqualTo(new Schedule.Segment(0, 0, 7 * SECOND, true));
		assertThat(schedule.activeNanos(0)).isEqualTo(2 * SECOND);
		assertThat(schedule.activeNanos(1)).isEqualTo(SECOND);
		assertThat(schedule.isMeasured(2 * SECOND)).isTrue();
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
