package io.betapool.control;

import java.time.Duration;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StallDetectorTests {

	private static final long TICK = 500_000_000L;

	private final StallDetector detector = new StallDetector(Duration.ofNanos(TICK));

	private long now = Long.MAX_VALUE - TICK;

	private ScalingDecision observe(ControlSample sample) {
		return this.detector.observe(sample, 1.0, sample.currentThreads(), 0);
	}

	private ControlSample sample(int threads, int active, int queued, long completed) {
		this.now += TICK;
		return ControlSample.builder()
			.nanoTime(this.now)
			.currentThreads(threads)
			.bounds(1, 8)
			.activeThreads(active)
			.queueSize(queued)
			.intervalTasks(completed)
			.completedTasks(100)
			.build();
	}

	@Test
	void reportsAPoolAtItsMaximumWhoseWorkersAllWaitWithoutProgress() {
		assertThat(observe(sample(8, 8, 12, 0))).isNull();
		assertThat(observe(sample(8, 8, 12, 0))).isNull();
		ScalingDecision report = observe(sample(8, 8, 12, 0));
		assertThat(report).isNotNull();
		assertThat(report.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(report.threadsAfter()).isEqualTo(8);
		assertThat(report.reason()).startsWith("Possible deadlock: all 8 workers have been busy for at least 1000 ms")
			.contains("while 12 tasks wait").contains("the pool is at its maximum of 8 threads");
	}

	@Test
	void reportsAPoolThatIsHeldBelowItsMaximum() {
		observe(sample(4, 4, 3, 0));
		observe(sample(4, 4, 3, 0));
		ScalingDecision report = observe(sample(4, 4, 3, 0));
		assertThat(report).isNotNull();
		assertThat(report.reason()).contains("all 4 workers").contains("the pool is not growing");
	}

	@Test
	void fasterTicksReportOnlyOnceTheStallSpansTwoIntervals() {
		StallDetector detector = new StallDetector(Duration.ofMillis(500));
		long start = 0;
		for (int tick = 0; tick < 10; tick++) {
			ControlSample sample = ControlSample.builder().nanoTime(start + tick * 100_000_000L).currentThreads(8)
				.bounds(1, 8).activeThreads(8).queueSize(12).intervalTasks(0).completedTasks(100).build();
			assertThat(detector.observe(sample, 1.0, 8, 0)).as("tick %d", tick).isNull();
		}
		ControlSample late = ControlSample.builder().nanoTime(start + 1_000_000_000L).currentThreads(8).bounds(1, 8)
			.activeThreads(8).queueSize(12).intervalTasks(0).completedTasks(100).build();
		assertThat(detector.observe(late, 1.0, 8, 0)).isNotNull();
	}

	@Test
	void reportsOncePerEpisode() {
		observe(sample(8, 8, 1, 0));
		observe(sample(8, 8, 1, 0));
		assertThat(observe(sample(8, 8, 1, 0))).isNotNull();
		assertThat(observe(sample(8, 8, 1, 0))).isNull();
		assertThat(observe(sample(8, 8, 1, 3))).isNull();
		observe(sample(8, 8, 1, 0));
		observe(sample(8, 8, 1, 0));
		assertThat(observe(sample(8, 8, 1, 0))).isNotNull();
	}

	@Test
	void progressOrSpareThreadsOrAnEmptyQueueAreNoStall() {
		for (int i = 0; i < 3; i++) {
			assertThat(observe(sample(8, 8, 5, 1))).isNull();
			assertThat(this.detector.observe(sample(6, 6, 5, 0), 1.0, 7, 0)).isNull();
			assertThat(observe(sample(8, 7, 5, 0))).isNull();
			assertThat(observe(sample(8, 8, 0, 0))).isNull();
		}
	}

	@Test
	void aStallIsNotReportedUntilItOutlastsThreeTimesTheTasksOwnP99() {
		long p99 = 800_000_000L;
		for (int tick = 0; tick < 4; tick++) {
			assertThat(this.detector.observe(sample(8, 8, 12, 0), 1.0, 8, p99)).as("tick %d", tick).isNull();
		}
		// 2.4 s of stall, counted from the first stalled tick, only at the sixth tick
		assertThat(this.detector.observe(sample(8, 8, 12, 0), 1.0, 8, p99)).isNull();
		assertThat(this.detector.observe(sample(8, 8, 12, 0), 1.0, 8, p99)).isNotNull();
	}

	@Test
	void aPoolThatHasNeverCompletedATaskGetsTenIntervalsOfGrace() {
		ControlSample cold = null;
		for (int tick = 0; tick <= StallDetector.COLD_INTERVALS; tick++) {
			this.now += TICK;
			cold = ControlSample.builder().nanoTime(this.now).currentThreads(8).bounds(1, 8).activeThreads(8)
				.queueSize(12).intervalTasks(0).completedTasks(0).build();
			ScalingDecision report = this.detector.observe(cold, 1.0, 8, 0);
			if (tick < StallDetector.COLD_INTERVALS) {
				assertThat(report).as("tick %d", tick).isNull();
			}
			else {
				assertThat(report).isNotNull();
			}
		}
	}

}
