package io.betapool.control;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptivePolicyTests {

	private final Samples samples = new Samples();

	private final AdaptivePolicy policy = new AdaptivePolicy(Samples.CONFIG);

	private ScalingDecision decide(ControlSample sample) {
		return this.policy.decide(sample);
	}

	@Test
	void aColdPoolWithWorkWaitingMeasuresBeforeItGrowsAndAsksForFastTicksAndWakeUps() {
		ScalingDecision decision = decide(this.samples.at(Samples.SETTINGS.fastTick().toNanos()).currentThreads(1)
			.activeThreads(1).queueSize(199).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(this.policy.lastReason()).isEqualTo(Reason.MEASURING);
		assertThat(this.policy.isSettling()).isTrue();
		assertThat(this.policy.wakesOnBacklog()).isTrue();
	}

	@Test
	void aColdPoolGrowsToTheKneeWithinAFewTicksWithoutWarmUpOrStabilisation() {
		int n = 1;
		int ticks = 0;
		// β 0.9 on 2 cores: knee 25; nothing has completed yet, so no task count could have warmed it up
		while (n < 25 && ticks < 10) {
			ScalingDecision decision = decide(this.samples.at(Samples.SETTINGS.fastTick().toNanos()).currentThreads(n)
				.activeThreads(n).busyThreads(n).queueSize(200 - n).blockingRatio(0.9).intervalTasks(0).build());
			assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
			assertThat(decision.threadsAfter()).isLessThanOrEqualTo(2 * n + 2);
			n = decision.threadsAfter();
			ticks++;
		}
		assertThat(n).isEqualTo(KneeModel.kneeSize(2, 0.9, 256));
		assertThat(ticks).isLessThanOrEqualTo(4);
		// one more tick soon, in case the larger pool's β moves the target; at the target, ticks slow down
		assertThat(this.policy.isSettling()).isTrue();
		decide(this.samples.at(Samples.SETTINGS.fastTick().toNanos()).currentThreads(n).activeThreads(n).busyThreads(n)
			.queueSize(200 - n).blockingRatio(0.9).intervalTasks(0).build());
		assertThat(this.policy.isSettling()).isFalse();
	}

	@Test
	void aPoolWhoseGrowthDelaysItsNextTickDoublesOncePerFastTickNotOncePerTick() {
		long fast = Samples.SETTINGS.fastTick().toNanos();
		int step = Samples.CONFIG.scaleUpStep();
		int knee = KneeModel.kneeSize(2, 0.99, 256);
		ScalingDecision first = decide(this.samples.at(fast).currentThreads(10).activeThreads(10).busyThreads(10)
			.queueSize(240).blockingRatio(0.99).intervalTasks(0).build());
		assertThat(first.threadsAfter()).as("the first growth after a pause doubles").isEqualTo(2 * 10 + step);
		// starting those threads held the next tick back by three fast ticks: the pool may double three times
		int n = first.threadsAfter();
		ScalingDecision late = decide(this.samples.at(3 * fast).currentThreads(n).activeThreads(n).busyThreads(n)
			.queueSize(250 - n).blockingRatio(0.99).intervalTasks(0).build());
		assertThat(late.threadsAfter()).isEqualTo(Math.min(knee, Math.min(250, 8 * n + step)));
		assertThat(late.threadsAfter()).isGreaterThan(2 * n + step);
		// a tick on time doubles once
		ScalingDecision onTime = decide(this.samples.at(fast).currentThreads(5).activeThreads(5).busyThreads(5)
			.queueSize(245).blockingRatio(0.99).intervalTasks(0).build());
		assertThat(onTime.threadsAfter()).isEqualTo(2 * 5 + step);
	}

	@Test
	void sparesThreadsThroughAPauseShorterThanTheKeepAliveAndRetiresThemGraduallyAfterIt() {
		decide(this.samples.busy(25, 100, 0.9, 2000));
		long keepAlive = Samples.SETTINGS.keepAlive().toNanos();
		int n = 25;
		for (long idle = 0; idle < keepAlive - Samples.TICK; idle += Samples.TICK) {
			ScalingDecision decision = decide(this.samples.idle(n, 0, 0.9));
			assertThat(decision.threadsAfter()).isEqualTo(25);
		}
		assertThat(this.policy.lastReason()).isEqualTo(Reason.KEEP_SPARE);
		ScalingDecision afterKeepAlive = decide(this.samples.idle(n, 0, 0.9));
		afterKeepAlive = (afterKeepAlive.threadsAfter() == n) ? decide(this.samples.idle(n, 0, 0.9)) : afterKeepAlive;
		assertThat(afterKeepAlive.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(afterKeepAlive.threadsAfter()).isEqualTo(13);
		assertThat(this.policy.lastReason()).isEqualTo(Reason.RETIRE_SPARE);
	}

	@Test
	void aBurstAfterAShrinkGrowsAtOnce() {
		decide(this.samples.busy(25, 100, 0.9, 2000));
		decide(this.samples.busy(10, 100, 0.9, 2000));
		ScalingDecision decision = decide(this.samples.busy(4, 196, 0.9, 800));
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		// a whole interval after its last growth, the doubling bound lets the pool reach its target at once
		assertThat(decision.threadsAfter()).isEqualTo(KneeModel.kneeSize(2, 0.9, 256));
	}

	@Test
	void cpuBoundWorkShrinksToTheCoresAtOnceAndVetoesGrowth() {
		decide(this.samples.busy(25, 100, 0.9, 2000));
		ScalingDecision shrink = decide(this.samples.busy(25, 100, 0.02, 900));
		assertThat(shrink.threadsAfter()).isEqualTo(2);
		assertThat(this.policy.lastReason()).isEqualTo(Reason.CPU_BOUND);
		ScalingDecision veto = decide(this.samples.busy(2, 100, 0.02, 900));
		assertThat(veto.action()).isEqualTo(ScalingAction.VETO);
	}

	@Test
	void cpuBoundWorkWithNoBacklogRetiresItsSpareThreadsWithoutAKeepAlive() {
		decide(this.samples.busy(25, 100, 0.02, 2000));
		ScalingDecision decision = decide(this.samples.idle(25, 1.0, 0.02));
		assertThat(decision.threadsAfter()).isLessThan(25);
	}

	@Test
	void aSaturatedCpuVetoesGrowth() {
		ScalingDecision decision = decide(this.samples.next().currentThreads(4).activeThreads(4).busyThreads(4)
			.queueSize(100).blockingRatio(0.9).cpuPercent(99).runQueueShare(0.5).throughput(400).intervalTasks(200)
			.build());
		assertThat(decision.action()).isEqualTo(ScalingAction.VETO);
		assertThat(this.policy.lastReason()).isEqualTo(Reason.VETO_SATURATED);
	}

	@Test
	void aBurstThatWokeThePoolBeforeItsTasksRanIsMeasuredAfterAFastTickNotAtTheNextInterval() {
		decide(this.samples.busy(30, 50, 0.9, 300));
		decide(this.samples.idle(30, 0, 0.9));
		// the wake-up tick saw the backlog but no busy time: β of the new tasks is not known yet
		ScalingDecision woken = decide(this.samples.at(Samples.SETTINGS.fastTick().toNanos()).currentThreads(30)
			.activeThreads(30).busyThreads(0).queueSize(220).build());
		assertThat(woken.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(this.policy.lastReason()).isEqualTo(Reason.MEASURING);
		assertThat(this.policy.isSettling()).isTrue();
		assertThat(this.policy.fastTick()).isEqualTo(Samples.SETTINGS.fastTick());
		// a fast tick later the new tasks read β 0.99: the pool grows at once
		ScalingDecision measured = decide(this.samples.at(Samples.SETTINGS.fastTick().toNanos()).currentThreads(30)
			.activeThreads(30).busyThreads(30).queueSize(220).blockingRatio(0.99).intervalTasks(0).build());
		assertThat(measured.action()).isEqualTo(ScalingAction.SCALE_UP);
	}

	@Test
	void aBetaThatDriftsWithWorkWaitingIsFollowedAtTheSettlingTickNotTheInterval() {
		// CPU-heavy work at its target, cores full: the policy holds and ticks at the interval
		decide(this.samples.busy(46, 44, 0.77, 250));
		decide(this.samples.busy(46, 44, 0.77, 250));
		assertThat(this.policy.isSettling()).isFalse();
		// the queue's old tasks give way to new, more blocking ones: a tick reads both, short of a regime change
		decide(this.samples.busy(46, 44, 0.835, 600));
		assertThat(this.policy.isSettling()).isTrue();
		assertThat(this.policy.fastTick()).isEqualTo(Samples.SETTINGS.settleTick());
		// the same drift with no work waiting is no reason to tick faster
		AdaptivePolicy idle = new AdaptivePolicy(Samples.CONFIG);
		idle.decide(this.samples.idle(46, 20, 0.77));
		idle.decide(this.samples.idle(46, 20, 0.77));
		idle.decide(this.samples.idle(46, 20, 0.835));
		assertThat(idle.isSettling()).isFalse();
		// nor to space a burst's wake-up tick further: it still comes one fast tick later
		assertThat(idle.fastTick()).isEqualTo(Samples.SETTINGS.fastTick());
	}

	@Test
	void aPoolWhoseOwnThreadsFillTheCoresDoesNotGrowWhateverBetaReads() {
		// β reads 0.98 (knee ≈ 110) but 60 busy threads used 60 · (1 − 0.967) = 1.98 of 2 cores: the knee is passed
		ScalingDecision full = decide(this.samples.next().currentThreads(60).activeThreads(60).busyThreads(60)
			.queueSize(200).blockingRatio(0.98).rawBlockingRatio(0.967).throughput(700).intervalTasks(350).build());
		assertThat(full.action()).isEqualTo(ScalingAction.VETO);
		assertThat(this.policy.lastReason()).isEqualTo(Reason.CORES_FULL);
		// the same β with the workers using 1.5 cores: the pool grows toward the knee
		ScalingDecision room = decide(this.samples.next().currentThreads(60).activeThreads(60).busyThreads(60)
			.queueSize(200).blockingRatio(0.98).rawBlockingRatio(0.975).throughput(700).intervalTasks(350).build());
		assertThat(room.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(this.policy.lastReason()).isEqualTo(Reason.GROW);
	}

	@Test
	void atItsTargetAPoolWhoseArrivalsOutrunItGrowsWithoutATrial() {
		// β 0.9: knee 25; long tasks, too few per tick for a trial to judge
		decide(this.samples.busy(25, 50, 0.9, 60));
		ScalingDecision held = decide(this.samples.busy(25, 60, 0.9, 60));
		assertThat(held.threadsAfter()).isEqualTo(25);
		// over two ticks 60 completed while the backlog grew by 45: 105 arrived; 45 ≥ 2.353 · √(105 + 60)
		ScalingDecision outrun = decide(this.samples.busy(25, 95, 0.9, 60));
		assertThat(this.policy.lastReason()).isEqualTo(Reason.OUTRUN);
		// ⌈25 · 105 / 60⌉, within 2n + scaleUpStep and probeLimit · knee
		assertThat(outrun.threadsAfter()).isEqualTo(44);
	}

	@Test
	void anIoPoolGrowsWithinTheRoomASaturatedCpuLeaves() {
		ScalingDecision decision = decide(this.samples.next().currentThreads(4).activeThreads(4).busyThreads(4)
			.queueSize(100).blockingRatio(0.99).cpuPercent(100).runQueueShare(0.6).throughput(400).intervalTasks(200)
			.build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(decision.threadsAfter()).isEqualTo(10);
	}

	@Test
	void withoutSchedulerStatisticsASaturatedCpuRetiresThreadsAsTheSeedDoes() {
		ScalingDecision decision = decide(this.samples.next().currentThreads(8).activeThreads(8).busyThreads(8)
			.queueSize(100).blockingRatio(0.9).cpuPercent(99).runQueueShare(Double.NaN).throughput(400)
			.intervalTasks(200).build());
		assertThat(decision.threadsAfter()).isEqualTo(7);
		assertThat(this.policy.lastReason()).isEqualTo(Reason.BLIND_SATURATED);
	}

	/** Brings the pool to its knee of 25 at β 0.9 with work waiting, then runs a trial with the given gain. */
	private ScalingDecision trial(double gain) {
		decide(this.samples.busy(25, 100, 0.9, 2000));
		ScalingDecision start = decide(this.samples.busy(25, 100, 0.9, 2000));
		assertThat(this.policy.lastReason()).isEqualTo(Reason.TRIAL_START);
		assertThat(start.threadsAfter()).isEqualTo(32);
		ScalingDecision decision = start;
		for (int tick = 0; tick < 8; tick++) {
			int n = decision.threadsAfter();
			decision = decide(this.samples.busy(n, 100, 0.9, 2000 + ((n == 32) ? gain : 0) + ((tick % 3) * 10)));
		}
		return decision;
	}

	@Test
	void pastTheKneeALargerSizeIsKeptWhenTheWaveShowsItPays() {
		ScalingDecision decision = trial(100);
		assertThat(this.policy.lastReason()).isEqualTo(Reason.TRIAL_PAID);
		assertThat(decision.threadsAfter()).isEqualTo(32);
	}

	@Test
	void aLargerSizeThatDoesNotPayLeavesACeilingThatALaterBacklogLifts() {
		ScalingDecision decision = trial(0);
		assertThat(this.policy.lastReason()).isEqualTo(Reason.TRIAL_NOT_PAID);
		assertThat(decision.threadsAfter()).isEqualTo(25);
		// an open loop falls behind: the queue grows by more than the pool's size in a tick
		ScalingDecision grow = decide(this.samples.busy(25, 160, 0.9, 2000));
		assertThat(this.policy.lastReason()).isEqualTo(Reason.TRIAL_START);
		assertThat(grow.threadsAfter()).isEqualTo(32);
	}

	@Test
	void aCeilingAtTheKneeHoldsThePoolThereAndNoTrialTakesItBelow() {
		trial(0);
		ScalingDecision decision = decide(this.samples.busy(25, 100, 0.9, 2000));
		assertThat(this.policy.lastReason()).isEqualTo(Reason.AT_CEILING);
		assertThat(decision.action()).isEqualTo(ScalingAction.VETO);
		assertThat(decision.threadsAfter()).isEqualTo(25);
	}

	@Test
	void aTrialIsAbandonedAndThePoolGrowsWhenTheKneeRisesPastIt() {
		decide(this.samples.busy(25, 100, 0.9, 2000));
		ScalingDecision start = decide(this.samples.busy(25, 100, 0.9, 2000));
		assertThat(this.policy.lastReason()).isEqualTo(Reason.TRIAL_START);
		// the work drifts toward more waiting, by less than a regime change: the knee rises past 32
		ScalingDecision grow = decide(this.samples.busy(start.threadsAfter(), 100, 0.99, 2000));
		assertThat(this.policy.lastReason()).isEqualTo(Reason.GROW);
		assertThat(grow.threadsAfter()).isGreaterThan(start.threadsAfter());
	}

	@Test
	void newWorkForgetsWhatTrialsFound() {
		trial(0);
		decide(this.samples.busy(25, 100, 0.1, 900));
		decide(this.samples.busy(2, 100, 0.1, 900));
		ScalingDecision back = decide(this.samples.busy(2, 100, 0.9, 900));
		assertThat(back.action()).isEqualTo(ScalingAction.SCALE_UP);
		decide(this.samples.busy(back.threadsAfter(), 100, 0.9, 900));
		decide(this.samples.busy(25, 100, 0.9, 2000));
		assertThat(this.policy.lastReason()).isNotEqualTo(Reason.AT_CEILING);
	}

	@Test
	void withNoWorkWaitingAPoolNeverGrowsAndKeepsMinWorkers() {
		ScalingDecision decision = decide(this.samples.idle(1, 0, 0.9));
		assertThat(decision.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(decision.threadsAfter()).isEqualTo(1);
	}

}
