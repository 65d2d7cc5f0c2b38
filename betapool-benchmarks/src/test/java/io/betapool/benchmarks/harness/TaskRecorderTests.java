package io.betapool.benchmarks.harness;

import java.time.Duration;

import io.betapool.benchmarks.Fixtures;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TaskRecorder}, with times given as numbers: nothing runs and no clock is read.
 */
class TaskRecorderTests {

	private static final long MS = 1_000_000L;

	private static final long ORIGIN = 1_000 * MS;

	private final Durations durations = new Durations(Duration.ofMillis(100), Duration.ofMillis(100),
			Duration.ofMillis(1000), Duration.ofMillis(1000), Duration.ZERO, Duration.ZERO);

	private final Schedule shifting = Schedule.of(Fixtures.shifting(), Duration.ofMillis(100), this.durations);

	@Test
	void aClosedLoopCountsWhatCompletesInsideTheMeasurement() {
		TaskRecorder recorder = new TaskRecorder(ORIGIN, this.shifting, 3, true);
		recorder.ended(task(50, 0), at(90), Task.Outcome.COMPLETED);
		recorder.ended(task(50, 0), at(150), Task.Outcome.COMPLETED);
		recorder.ended(task(1050, 0), at(1150), Task.Outcome.COMPLETED);
		recorder.ended(task(3000, 2), at(3200), Task.Outcome.COMPLETED);
		recorder.ended(task(1500, 1), at(1600), Task.Outcome.INTERRUPTED);
		assertThat(recorder.completedTotal()).isEqualTo(4);
		assertThat(recorder.completions(0)).isEqualTo(1);
		assertThat(recorder.completions(1)).isEqualTo(1);
		assertThat(recorder.completions(2)).isZero();
		Histogram io = recorder.latencies(0);
		assertThat(io.getTotalCount()).isEqualTo(2);
		assertThat(io.getMaxValue()).isBetween(99 * MS, 101 * MS);
		assertThat(recorder.latencies(1).getTotalCount()).isZero();
	}

	@Test
	void anOpenLoopCountsWhatArrivesInsideTheMeasurementAndRecordsTheUnfinished() {
		TaskRecorder recorder = new TaskRecorder(ORIGIN, this.shifting, 3, false);
		Task early = task(50, 0);
		Task done = task(200, 0);
		Task late = task(2000, 1);
		Task stuck = task(3000, 2);
		for (Task task : new Task[] { early, done, late, stuck }) {
			recorder.submitted(task);
		}
		assertThat(recorder.pendingMeasured()).isEqualTo(3);
		recorder.ended(early, at(300), Task.Outcome.COMPLETED);
		recorder.ended(done, at(400), Task.Outcome.COMPLETED);
		recorder.ended(late, at(3500), Task.Outcome.COMPLETED);
		recorder.unfinished(stuck, at(3600));
		assertThat(recorder.pendingMeasured()).isZero();
		assertThat(recorder.completions(0)).isEqualTo(1);
		assertThat(recorder.completions(1)).isEqualTo(1);
		assertThat(recorder.completions(2)).isZero();
		assertThat(recorder.unfinished(2)).isEqualTo(1);
		assertThat(recorder.latencies(2).getMaxValue()).isBetween(599 * MS, 601 * MS);
	}

	@Test
	void failuresAreCountedAndStillRecorded() {
		TaskRecorder recorder = new TaskRecorder(ORIGIN, this.shifting, 3, true);
		recorder.ended(task(500, 0), at(600), Task.Outcome.FAILED);
		assertThat(recorder.failures()).isEqualTo(1);
		assertThat(recorder.completions(0)).isEqualTo(1);
	}

	private static Task task(long submittedMs, int phase) {
		return new Task(at(submittedMs), phase, () -> null, (task, end, outcome) -> {
		});
	}

	private static long at(long ms) {
		return ORIGIN + ms * MS;
	}

}
