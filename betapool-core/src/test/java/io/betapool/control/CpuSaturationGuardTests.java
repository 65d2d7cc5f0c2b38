package io.betapool.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuSaturationGuardTests {

	private final Samples samples = new Samples();

	private final CpuSaturationGuard guard = new CpuSaturationGuard(Samples.CONFIG, Samples.SETTINGS);

	private ControlSample sample(double cpu, double runQueueShare) {
		return this.samples.next().currentThreads(20).busyThreads(20).blockingRatio(0.9).cpuPercent(cpu)
			.runQueueShare(runQueueShare).build();
	}

	@Test
	void aBusyCpuWhoseCoresThePoolsThreadsStillGetIsNotSaturated() {
		double own = KneeModel.runQueueShare(2, 0.9, 20);
		assertThat(this.guard.isSaturated(sample(99, own + 0.01), 0.9, 0)).isFalse();
	}

	@Test
	void aBusyCpuThatMakesThePoolsThreadsWaitForACoreIsSaturated() {
		double own = KneeModel.runQueueShare(2, 0.9, 20);
		assertThat(this.guard.isSaturated(sample(90, own + 0.06), 0.9, 0)).isTrue();
		assertThat(this.guard.isSaturated(sample(60, own + 0.06), 0.9, 0)).isFalse();
		assertThat(this.guard.isSaturated(sample(60, own + 0.25), 0.9, 0)).isTrue();
		assertThat(this.guard.isSaturated(sample(40, own + 0.5), 0.9, 0)).isFalse();
	}

	@Test
	void withoutSchedulerStatisticsTheSeedsThresholdDecides() {
		ControlSample blind = sample(90, Double.NaN);
		assertThat(CpuSaturationGuard.isBlind(blind)).isTrue();
		assertThat(this.guard.isSaturated(blind, 0.9, 0)).isTrue();
		assertThat(this.guard.isSaturated(sample(80, Double.NaN), 0.9, 0)).isFalse();
	}

	@Test
	void aSaturatedCpuLeavesRoomForThreadsThatSeldomNeedACore() {
		double own = KneeModel.runQueueShare(2, 0.99, 20);
		// each thread at β 0.99 asks for a hundredth of a core; the knee's slack of 0.06 cores takes six
		assertThat(this.guard.budget(sample(100, own + 0.3), 0.99, 0)).isEqualTo(26);
		// CPU-bound work gets none: 20 CPU-bound threads on 2 cores wait 90 % of their time by their own number
		double ownCpuBound = KneeModel.runQueueShare(2, 0.0, 20);
		assertThat(this.guard.budget(sample(100, ownCpuBound + 0.06), 0.0, 0)).isEqualTo(20);
		assertThat(this.guard.budget(sample(40, ownCpuBound + 0.06), 0.0, 0)).isEqualTo(Long.MAX_VALUE);
		// but a pool of fewer threads than cores may always have one per core
		ControlSample single = this.samples.next().currentThreads(1).busyThreads(1).blockingRatio(0.7).cpuPercent(100)
			.runQueueShare(0.5).build();
		assertThat(this.guard.budget(single, 0.7, 0)).isEqualTo(2);
	}

	@Test
	void anUnknownCpuNeverVetoes() {
		assertThat(this.guard.isSaturated(sample(Double.NaN, 0.9), 0.9, 0)).isFalse();
	}

}
