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
		assertThat(this.guard.isSaturated(sample(99, own + 0.01), 0.9)).isFalse();
	}

	@Test
	void aBusyCpuThatMakesThePoolsThreadsWaitForACoreIsSaturated() {
		double own = KneeModel.runQueueShare(2, 0.9, 20);
		assertThat(this.guard.isSaturated(sample(90, own + 0.06), 0.9)).isTrue();
		assertThat(this.guard.isSaturated(sample(60, own + 0.06), 0.9)).isFalse();
		assertThat(this.guard.isSaturated(sample(60, own + 0.25), 0.9)).isTrue();
		assertThat(this.guard.isSaturated(sample(40, own + 0.5), 0.9)).isFalse();
	}

	@Test
	void withoutSchedulerStatisticsTheSeedsThresholdDecides() {
		ControlSample blind = sample(90, Double.NaN);
		assertThat(CpuSaturationGuard.isBlind(blind)).isTrue();
		assertThat(this.guard.isSaturated(blind, 0.9)).isTrue();
		assertThat(this.guard.isSaturated(sample(80, Double.NaN), 0.9)).isFalse();
	}

	@Test
	void anUnknownCpuNeverVetoes() {
		assertThat(this.guard.isSaturated(sample(Double.NaN, 0.9), 0.9)).isFalse();
	}

}
