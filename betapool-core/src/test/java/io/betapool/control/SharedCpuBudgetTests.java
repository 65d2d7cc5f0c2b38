package io.betapool.control;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two adaptive policies sharing one {@link CpuBudget} of 2 cores, as two pools of one process do.
 */
class SharedCpuBudgetTests {

	private final Samples samples = new Samples();

	private final CpuBudget budget = new CpuBudget(2, () -> this.samples.now);

	private final AdaptivePolicy first = policy("first");

	private final AdaptivePolicy second = policy("second");

	private AdaptivePolicy policy(String name) {
		return new AdaptivePolicy(Samples.CONFIG, Samples.SETTINGS, this.budget.join(name, Samples.TICK));
	}

	/** {@code threads} busy CPU-bound threads with a backlog, using every core they can get. */
	private ControlSample cpuBound(int threads) {
		return this.samples.next().currentThreads(threads).activeThreads(threads).busyThreads(threads)
			.queueSize(100).blockingRatio(0.0).rawBlockingRatio(1.0 - Math.min(1.0, 2.0 / threads)).cpuPercent(100)
			.throughput(400).intervalTasks(200).build();
	}

	@Test
	void cpuBoundWorkInTwoPoolsHoldsAtMostCoresPlusOneThreadsInTotal() {
		int a = 2;
		int b = 2;
		for (int tick = 0; tick < 4; tick++) {
			a = this.first.decide(cpuBound(a)).threadsAfter();
			b = this.second.decide(cpuBound(b)).threadsAfter();
		}
		assertThat(a + b).isLessThanOrEqualTo(3);
		assertThat(a).isEqualTo(1);
		assertThat(b).isEqualTo(1);
	}

	@Test
	void anIoPoolGrowsBesideACpuBoundPoolThatSaturatesTheCores() {
		this.first.decide(cpuBound(2));
		// the I/O pool's threads wait for cores the CPU-bound pool holds: CPU at 100 %, run-queue share 0.3
		ControlSample io = this.samples.next().currentThreads(20).activeThreads(20).busyThreads(20).queueSize(100)
			.blockingRatio(0.99).rawBlockingRatio(0.99).cpuPercent(100).runQueueShare(0.3).throughput(200)
			.intervalTasks(100).build();
		ScalingDecision decision = this.second.decide(io);
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(decision.reason()).contains("of 2 cores (its share)");
		// alone, the same pool sees cores saturated by load it cannot account for, and may not grow as far
		AdaptivePolicy independent = new AdaptivePolicy(Samples.CONFIG);
		ScalingDecision alone = independent.decide(io);
		assertThat(alone.threadsAfter()).isLessThan(decision.threadsAfter());
	}

	@Test
	void theCpuBoundPoolTakesEveryCoreBackWhenTheOtherPoolIdles() {
		int a = 2;
		a = this.first.decide(cpuBound(a)).threadsAfter();
		this.second.decide(this.samples.busy(20, 100, 0.0, 400));
		a = this.first.decide(cpuBound(a)).threadsAfter();
		assertThat(a).isEqualTo(1);
		this.second.decide(this.samples.idle(20, 0, 0.0));
		a = this.first.decide(cpuBound(a)).threadsAfter();
		assertThat(a).isEqualTo(2);
	}

}
