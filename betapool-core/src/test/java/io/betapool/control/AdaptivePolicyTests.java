package io.betapool.control;

import java.time.Duration;

import io.betapool.ControllerConfig;
import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adaptive policy, driven by synthetic samples and a hand-advanced ticker.
 */
class AdaptivePolicyTests {

	private static final long TICK = Duration.ofMillis(500).toNanos();

	private final ControllerConfig config = ControllerConfig.defaults();

	private final AdaptivePolicy policy = new AdaptivePolicy(this.config);

	private long now = Long.MAX_VALUE - 3 * TICK;

	private ControlSample.Builder sample(int threads) {
		this.now += TICK;
		return ControlSample.builder()
			.nanoTime(this.now)
			.currentThreads(threads)
			.bounds(1, 64)
			.cores(2)
			.completedTasks(1_000)
			.intervalTasks(100)
			.throughput(200)
			.cpuPercent(40)
			.runQueueShare(0.0);
	}

	private ControlSample waiting(int threads, double beta) {
		return waiting(threads, beta, 200);
	}

	/** Every thread busy through the tick and a deep queue: a closed loop's sample. */
	private ControlSample waiting(int threads, double beta, double throughput) {
		return sample(threads).blockingRatio(beta).activeThreads(threads).queueSize(500).busyThreads(threads)
			.throughput(throughput).build();
	}

	@Test
	void aLookBetweenTicksIsNewWorkOnlyWhenItMovesBetaByARegimeChange() {
		// nothing measured yet: nothing to differ from
		assertThat(this.policy.isNewWork(0.97)).isFalse();
		this.policy.decide(waiting(2, 0.02));
		assertThat(this.policy.isNewWork(0.02 + AdaptivePolicy.REGIME_CHANGE - 0.01)).isFalse();
		assertThat(this.policy.isNewWork(0.97)).isTrue();
		// the tick it brings forward then settles on the new work
		this.policy.decide(waiting(2, 0.97));
		assertThat(this.policy.isSettling()).isTrue();
		assertThat(this.policy.isNewWork(0.97)).isFalse();
	}

	@Test
	void holdsDuringWarmUp() {
		ScalingDecision decision = this.policy.decide(sample(1).completedTasks(9).blockingRatio(0.9).queueSize(50)
			.build());
		assertThat(decision.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(decision.threadsAfter()).isEqualTo(1);
		assertThat(decision.reason()).contains("Warming up").contains("9 of 10");
	}

	@Test
	void slowTasksKeepingEveryThreadBusyEndTheWarmUpEarly() {
		// one thread busy with an 85 ms task through a 100 ms tick, 200 queued: β describes the running task
		ScalingDecision decision = this.policy.decide(sample(1).completedTasks(1).intervalTasks(1).blockingRatio(0.98)
			.activeThreads(1).busyThreads(0.95).queueSize(200).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(decision.threadsAfter()).isEqualTo(64);
	}

	@Test
	void aThreadIdleForPartOfTheTickDoesNotEndTheWarmUp() {
		ScalingDecision decision = this.policy.decide(sample(1).completedTasks(1).intervalTasks(1).blockingRatio(0.98)
			.activeThreads(1).busyThreads(0.5).queueSize(200).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(decision.reason()).contains("Warming up");
	}

	@Test
	void growsStraightToTheKneeWhenWorkWaitsOnIo() {
		ScalingDecision decision = this.policy.decide(waiting(1, 0.8));
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(decision.threadsBefore()).isEqualTo(1);
		// Goetz's ⌈2 / 0.2⌉ = 10 would leave the cores 85 % busy; the model's knee reaches 97 %
		assertThat(decision.threadsAfter()).isEqualTo(14);
		assertThat(decision.reason()).contains("knee of 14 threads");
	}

	@Test
	void growthIsCappedByTheMaximum() {
		ScalingDecision decision = this.policy.decide(waiting(4, 0.999));
		assertThat(decision.threadsAfter()).isEqualTo(64);
	}

	@Test
	void growthIsCappedByTheTasksPresent() {
		ScalingDecision decision = this.policy.decide(sample(4).blockingRatio(0.99).activeThreads(4).queueSize(6)
			.busyThreads(4).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(decision.threadsAfter()).isEqualTo(10);
	}

	@Test
	void doesNotGrowWhenNoWorkWaits() {
		ScalingDecision decision = this.policy.decide(sample(4).blockingRatio(0.95).activeThreads(2).busyThreads(2.5)
			.queueWaitRatio(0.0).build());
		assertThat(decision.threadsAfter()).isLessThanOrEqualTo(4);
		assertThat(decision.action()).isNotEqualTo(ScalingAction.SCALE_UP);
	}

	@Test
	void shrinksCpuBoundWorkToTheCoresAtOnce() {
		ScalingDecision decision = this.policy.decide(waiting(64, 0.01));
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(decision.threadsAfter()).isEqualTo(2);
		assertThat(decision.reason()).startsWith("CPU-bound work");
	}

	@Test
	void vetoesGrowthOfCpuBoundWorkThatWaits() {
		ScalingDecision decision = this.policy.decide(waiting(2, 0.01));
		assertThat(decision.action()).isEqualTo(ScalingAction.VETO);
		assertThat(decision.threadsAfter()).isEqualTo(2);
		assertThat(decision.reason()).contains("compete for the CPU");
	}

	@Test
	void vetoesGrowthWhileTheCpuIsSaturated() {
		ScalingDecision decision = this.policy.decide(sample(4).blockingRatio(0.8).activeThreads(4).queueSize(100)
			.cpuPercent(97).runQueueShare(0.3).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.VETO);
		assertThat(decision.threadsAfter()).isEqualTo(4);
		assertThat(decision.reason()).contains("CPU is saturated");
	}

	@Test
	void aBusyRunQueueAboveTheLowerCpuThresholdCountsAsSaturated() {
		ScalingDecision decision = this.policy.decide(sample(4).blockingRatio(0.8).activeThreads(4).queueSize(100)
			.cpuPercent(60).runQueueShare(0.5).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.VETO);
	}

	@Test
	void withoutSchedulerStatisticsASaturatedCpuRetiresOneStep() {
		ScalingDecision decision = this.policy.decide(sample(32).blockingRatio(0.99).activeThreads(32).queueSize(100)
			.cpuPercent(99).runQueueShare(Double.NaN).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(decision.threadsAfter()).isEqualTo(31);
		assertThat(decision.reason()).contains("no scheduler statistics");
	}

	@Test
	void idlePoolShrinksByHalfTheExcessEachTick() {
		int threads = 33;
		int[] expected = { 17, 9, 5, 3, 2, 1, 1 };
		for (int size : expected) {
			ScalingDecision decision = this.policy.decide(sample(threads).intervalTasks(0).throughput(0).build());
			assertThat(decision.threadsAfter()).isEqualTo(size);
			threads = decision.threadsAfter();
		}
	}

	@Test
	void spareThreadsWithoutWaitingWorkShrinkGradually() {
		ScalingDecision decision = this.policy.decide(sample(40).blockingRatio(0.95).activeThreads(8).busyThreads(8)
			.queueWaitRatio(0.0).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		// busy 8 → need ⌈8 + 2.5 · √8⌉ = 16; half of the excess of 24 is 12
		assertThat(decision.threadsAfter()).isEqualTo(28);
	}

	@Test
	void aSmallPoolKeepsRoomForTheBurstsOfItsArrivals() {
		// 4.3 threads busy on average: Poisson arrivals often find 7 or 8 busy at once, and a pool of
		// ⌈1.25 · 4.3⌉ + 1 = 7 would make one task in five wait; ⌈4.3 + 2.5 · √4.3⌉ = 10 makes about 1 % wait
		ScalingDecision shrunk = this.policy.decide(sample(20).blockingRatio(0.89).activeThreads(4).busyThreads(4.3)
			.queueWaitRatio(0.0).build());
		assertThat(shrunk.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(shrunk.threadsAfter()).isEqualTo(15);
		ScalingDecision held = new AdaptivePolicy(this.config).decide(sample(10).blockingRatio(0.89)
			.activeThreads(4).busyThreads(4.3).queueWaitRatio(0.0).build());
		assertThat(held.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(held.threadsAfter()).isEqualTo(10);
	}

	@Test
	void theSpareThreadsGrowWithTheSquareRootOfTheBusyOnes() {
		assertThat(AdaptivePolicy.spareSize(0)).isEqualTo(1);
		assertThat(AdaptivePolicy.spareSize(1)).isEqualTo(4);
		assertThat(AdaptivePolicy.spareSize(16)).isEqualTo(26);
		assertThat(AdaptivePolicy.spareSize(100)).isEqualTo(125);
	}

	@Test
	void smallChangesStayInsideTheDeadband() {
		ScalingDecision decision = this.policy.decide(sample(80).blockingRatio(0.9772).activeThreads(80).queueSize(500)
			.bounds(1, 200).build());
		// β 0.9772 gives a knee of 96, more than 10 % above 80
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		AdaptivePolicy fresh = new AdaptivePolicy(this.config);
		ScalingDecision near = fresh.decide(sample(64).blockingRatio(0.9675).activeThreads(64).queueSize(500)
			.bounds(1, 200).build());
		// β 0.9675 gives a knee of 69, within 10 % of 64
		assertThat(KneeModel.kneeSize(2, 0.9675, 200)).isEqualTo(69);
		assertThat(near.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(near.reason()).contains("deadband");
	}

	@Test
	void doesNotReverseWithinTheStabilisationWindow() {
		ScalingDecision grow = this.policy.decide(waiting(2, 0.8));
		assertThat(grow.threadsAfter()).isEqualTo(14);
		// β drifts down (smoothed 0.8 → 0.7 → 0.65 → …): the shrink it calls for waits for the 2 s window
		ScalingDecision held = this.policy.decide(waiting(14, 0.6));
		assertThat(held.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(held.reason()).startsWith("Stabilising");
		this.policy.decide(waiting(14, 0.6));
		this.policy.decide(waiting(14, 0.6));
		ScalingDecision shrink = this.policy.decide(waiting(14, 0.6));
		assertThat(shrink.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		// smoothed β 0.6125 gives a knee of 8
		assertThat(shrink.threadsAfter()).isEqualTo(8);
	}

	@Test
	void newWorkMayReverseTheLastResizeAtOnce() {
		assertThat(this.policy.decide(waiting(2, 0.8)).threadsAfter()).isEqualTo(14);
		ScalingDecision shrink = this.policy.decide(waiting(14, 0.0));
		assertThat(shrink.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(shrink.threadsAfter()).isEqualTo(2);
		ScalingDecision grow = this.policy.decide(waiting(2, 0.95));
		assertThat(grow.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(grow.threadsAfter()).isEqualTo(47);
	}

	@Test
	void theWindowIsMeasuredBySubtractionAcrossTheTickerWrapping() {
		this.now = Long.MAX_VALUE - TICK / 2;
		ScalingDecision grow = this.policy.decide(waiting(2, 0.8));
		assertThat(grow.threadsAfter()).isEqualTo(14);
		// the ticker has now wrapped to negative values
		assertThat(this.now + TICK).isNegative();
		assertThat(this.policy.decide(waiting(14, 0.6)).action()).isEqualTo(ScalingAction.HOLD);
		this.now += 3 * TICK;
		assertThat(this.policy.decide(waiting(14, 0.6)).action()).isEqualTo(ScalingAction.SCALE_DOWN);
	}

	@Test
	void aBusyCpuThatIsNotThisPoolsDoingDoesNotVetoGrowth() {
		ScalingDecision decision = this.policy.decide(sample(1).blockingRatio(0.9).activeThreads(1).queueSize(200)
			.cpuPercent(97).runQueueShare(0.01).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(decision.threadsAfter()).isEqualTo(25);
	}

	@Test
	void aLargeChangeOfBetaIsTakenAtOnce() {
		this.policy.decide(waiting(64, 0.99));
		ScalingDecision decision = this.policy.decide(waiting(64, 0.02));
		assertThat(decision.blockingRatio()).isEqualTo(0.02);
		assertThat(decision.threadsAfter()).isEqualTo(2);
	}

	@Test
	void smallChangesOfBetaAreSmoothed() {
		this.policy.decide(waiting(10, 0.80));
		ScalingDecision decision = this.policy.decide(waiting(10, 0.90));
		assertThat(decision.blockingRatio()).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void growthThatDoesNotRaiseThroughputIsUndoneAndCapped() {
		ScalingDecision grow = this.policy.decide(sample(4).blockingRatio(0.75).activeThreads(4).queueSize(500)
			.throughput(1000).build());
		assertThat(grow.threadsAfter()).isEqualTo(12);
		ScalingDecision undo = this.policy.decide(waiting(12, 0.77, 1010));
		assertThat(undo.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(undo.threadsAfter()).isEqualTo(4);
		assertThat(undo.reason()).contains("left throughput flat");
		for (int i = 0; i < 5; i++) {
			ScalingDecision capped = this.policy.decide(sample(4).blockingRatio(0.87).activeThreads(4).queueSize(500)
				.throughput(1000).build());
			assertThat(capped.action()).isEqualTo(ScalingAction.VETO);
			assertThat(capped.reason()).contains("did not raise throughput");
		}
		// the ceiling lasts ten stabilisation windows
		this.now += 10 * this.config.stabilizationWindow().toNanos();
		ScalingDecision retry = this.policy.decide(sample(4).blockingRatio(0.87).activeThreads(4).queueSize(500)
			.throughput(1000).build());
		assertThat(retry.action()).isEqualTo(ScalingAction.SCALE_UP);
	}

	@Test
	void growthIsNotJudgedOnceTheBacklogRanOut() {
		// an open loop: the growth served the backlog, and throughput then followed the arrivals
		ScalingDecision grow = this.policy.decide(sample(1).blockingRatio(0.0).activeThreads(1).queueSize(11)
			.throughput(463).build());
		assertThat(grow.threadsAfter()).isEqualTo(2);
		ScalingDecision next = this.policy.decide(sample(2).blockingRatio(0.0).activeThreads(1).queueSize(0)
			.queueWaitRatio(0.5).throughput(452).build());
		assertThat(next.action()).isNotEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(next.threadsAfter()).isEqualTo(2);
	}

	@Test
	void growthIsNotJudgedWhenTheThreadsIdledThroughTheTick() {
		// an open loop: the backlog was served early in the tick, and throughput followed the arrivals
		ScalingDecision grow = this.policy.decide(sample(10).blockingRatio(0.9).activeThreads(10).queueSize(200)
			.busyThreads(10).intervalTasks(800).throughput(1600).build());
		assertThat(grow.threadsAfter()).isEqualTo(25);
		ScalingDecision next = this.policy.decide(sample(25).blockingRatio(0.9).activeThreads(20).queueSize(30)
			.busyThreads(12).intervalTasks(800).throughput(1610).build());
		assertThat(next.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(next.threadsAfter()).isEqualTo(25);
		// nor does a pool whose threads idle probe past its knee
		assertThat(next.reason()).contains("only 12.00 of 25 threads were busy");
	}

	@Test
	void growthThatDrainsTheBacklogPaysThoughThroughputFollowsTheArrivals() {
		ScalingDecision grow = this.policy.decide(sample(10).blockingRatio(0.9).activeThreads(10).queueSize(400)
			.busyThreads(10).intervalTasks(800).throughput(1600).build());
		assertThat(grow.threadsAfter()).isEqualTo(25);
		// 3 % more throughput where 20 % is needed, but 15 tasks went to the new threads and 85 more were served
		ScalingDecision next = this.policy.decide(sample(25).blockingRatio(0.9).activeThreads(25).queueSize(300)
			.busyThreads(25).intervalTasks(800).throughput(1650).build());
		assertThat(next.action()).isNotEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(next.threadsAfter()).isGreaterThanOrEqualTo(25);
		assertThat(next.reason()).doesNotContain("did not raise throughput").doesNotContain("left throughput flat");
	}

	@Test
	void aProbeMustRaiseThroughputABacklogThatDrainsIsNotEnough() {
		// at the knee of β 0.8 with a burst queued: the probe's backlog drains, but throughput stays flat
		ControlSample atKnee = sample(14).blockingRatio(0.8).activeThreads(14).queueSize(400).busyThreads(14)
			.throughput(1000).build();
		this.policy.decide(atKnee);
		ScalingDecision probe = this.policy.decide(atKnee);
		assertThat(probe.threadsAfter()).isEqualTo(17);
		ScalingDecision undone = this.policy.decide(sample(17).blockingRatio(0.8).activeThreads(17).queueSize(300)
			.busyThreads(17).throughput(1005).build());
		assertThat(undone.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(undone.threadsAfter()).isEqualTo(14);
	}

	@Test
	void growthThatOnlyMovesTasksFromTheQueueToTheNewThreadsDoesNotPay() {
		// a closed loop: the queue shrinks by exactly the tasks the new threads took
		this.policy.decide(waiting(4, 0.75, 1000));
		ScalingDecision undo = this.policy.decide(sample(12).blockingRatio(0.75).activeThreads(12).queueSize(492)
			.busyThreads(12).throughput(1010).build());
		assertThat(undo.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(undo.threadsAfter()).isEqualTo(4);
	}

	@Test
	void aPoolThatFallsBehindItsArrivalsDropsTheCeilingAProbeFound() {
		this.policy.decide(waiting(4, 0.75, 1000));
		assertThat(this.policy.decide(waiting(12, 0.77, 1010)).threadsAfter()).isEqualTo(4);
		this.now += this.config.stabilizationWindow().toNanos();
		// the queue grows by at least the pool's four threads on three ticks in a row
		for (int queue : new int[] { 510, 520 }) {
			ScalingDecision capped = this.policy.decide(sample(4).blockingRatio(0.87).activeThreads(4)
				.queueSize(queue).throughput(1000).build());
			assertThat(capped.action()).isEqualTo(ScalingAction.VETO);
		}
		ScalingDecision grow = this.policy.decide(sample(4).blockingRatio(0.87).activeThreads(4).queueSize(530)
			.throughput(1000).build());
		assertThat(grow.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(grow.threadsAfter()).isGreaterThan(4);
		assertThat(grow.reason()).startsWith("The queue grew on 3 ticks in a row");
	}

	@Test
	void aCeilingDoesNotOutliveTheWorkThatSetIt() {
		this.policy.decide(waiting(4, 0.75, 1000));
		ScalingDecision undo = this.policy.decide(waiting(12, 0.77, 1010));
		assertThat(undo.threadsAfter()).isEqualTo(4);
		// β jumps from 0.76 to 0.5: new work, which the ceiling of 4 says nothing about
		ScalingDecision grow = this.policy.decide(waiting(4, 0.5));
		assertThat(grow.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(grow.threadsAfter()).isEqualTo(KneeModel.kneeSize(2, 0.5, 64));
	}

	@Test
	void growthIsNotJudgedWhenTasksOutlastTheTick() {
		// half-second tasks on two threads: four complete per tick, too few for throughput to respond
		ScalingDecision grow = this.policy.decide(sample(2).blockingRatio(0.99).activeThreads(2).queueSize(500)
			.intervalTasks(2).throughput(4).build());
		assertThat(grow.threadsAfter()).isEqualTo(64);
		ScalingDecision next = this.policy.decide(sample(64).blockingRatio(0.99).activeThreads(64).queueSize(440)
			.intervalTasks(2).throughput(4).build());
		assertThat(next.action()).isNotEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(next.threadsAfter()).isEqualTo(64);
	}

	@Test
	void growthThatPaysIsKept() {
		this.policy.decide(sample(4).blockingRatio(0.75).activeThreads(4).queueSize(500).throughput(1000).build());
		ScalingDecision next = this.policy.decide(sample(12).blockingRatio(0.75).activeThreads(12).queueSize(500)
			.throughput(1900).build());
		assertThat(next.action()).isNotEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(next.threadsAfter()).isGreaterThanOrEqualTo(12);
	}

	@Test
	void atTheKneeWithTasksQueuedThePoolProbesAFifthMore() {
		// one tick is too noisy a baseline to judge a probe against: the pool measures a second first
		ScalingDecision measuring = this.policy.decide(waiting(14, 0.8));
		assertThat(measuring.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(measuring.reason()).contains("measuring throughput at 14 threads");
		ScalingDecision probe = this.policy.decide(waiting(14, 0.8));
		assertThat(probe.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(probe.threadsAfter()).isEqualTo(17);
		assertThat(probe.reason()).contains("probing 17 threads");
	}

	@Test
	void aProbeThatPaysIsKeptAndTheNextOneThatDoesNotIsUndone() {
		this.policy.decide(waiting(14, 0.8, 1000));
		this.policy.decide(waiting(14, 0.8, 1000));
		// growth by 3/14 needs 2.1 %; 10 % came, and must come again on the next tick
		ScalingDecision confirming = this.policy.decide(waiting(17, 0.8, 1100));
		assertThat(confirming.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(confirming.reason()).contains("to confirm");
		ScalingDecision kept = this.policy.decide(waiting(17, 0.8, 1090));
		assertThat(kept.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(kept.threadsAfter()).isEqualTo(21);
		assertThat(kept.reason()).contains("growing to 17 raised throughput");
		// growth by 4/17 needs 2.4 % over the mean of the two ticks at 17, 1095; none came
		ScalingDecision undone = this.policy.decide(waiting(21, 0.8, 1095));
		assertThat(undone.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(undone.threadsAfter()).isEqualTo(17);
		assertThat(undone.reason()).startsWith("Probing from 17 to 21 threads");
		ScalingDecision capped = this.policy.decide(waiting(17, 0.8, 1100));
		assertThat(capped.action()).isEqualTo(ScalingAction.VETO);
		assertThat(capped.threadsAfter()).isEqualTo(17);
	}

	@Test
	void aProbeThatCannotBeJudgedIsUndone() {
		// an open loop: the burst that queued work for the probe has drained, and threads idled
		this.policy.decide(waiting(14, 0.8, 1000));
		assertThat(this.policy.decide(waiting(14, 0.8, 1000)).threadsAfter()).isEqualTo(17);
		ScalingDecision undone = this.policy.decide(sample(17).blockingRatio(0.8).activeThreads(9).queueSize(0)
			.busyThreads(11).throughput(950).build());
		assertThat(undone.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(undone.threadsAfter()).isEqualTo(14);
		assertThat(undone.reason()).contains("could not be judged").contains("only 11.00 of 17 threads were busy");
	}

	@Test
	void aBaselineCountsOnlyTicksWithTheThreadsBusy() {
		// a tick with threads idle measures the arrivals, not the threads: it is no baseline
		this.policy.decide(sample(14).blockingRatio(0.8).activeThreads(14).queueSize(500).busyThreads(8)
			.throughput(600).build());
		ScalingDecision measuring = this.policy.decide(waiting(14, 0.8, 1000));
		assertThat(measuring.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(measuring.reason()).contains("measuring throughput at 14 threads");
	}

	@Test
	void aProbeThatPaysOnlyOnceIsUndone() {
		this.policy.decide(waiting(14, 0.8, 1000));
		this.policy.decide(waiting(14, 0.8, 1000));
		ScalingDecision once = this.policy.decide(waiting(17, 0.8, 1080));
		assertThat(once.action()).isEqualTo(ScalingAction.HOLD);
		// the second tick gains 1 % over the throughput before the probe, where 2.1 % is needed
		ScalingDecision undone = this.policy.decide(waiting(17, 0.8, 1010));
		assertThat(undone.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(undone.threadsAfter()).isEqualTo(14);
		assertThat(undone.reason()).startsWith("Probing from 14 to 17 threads");
	}

	@Test
	void aProbeIsJudgedAgainstTheMeanThroughputOfTheTicksBeforeIt() {
		this.policy.decide(waiting(14, 0.8, 1000));
		this.policy.decide(waiting(14, 0.8, 900));
		// against 900 alone, 960 would be a gain of 6.7 %; against the mean, 950, it is 1 %, and 2.1 % is needed
		ScalingDecision undone = this.policy.decide(waiting(17, 0.8, 960));
		assertThat(undone.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(undone.threadsAfter()).isEqualTo(14);
	}

	@Test
	void aProvenSizeIsForgottenWhenTheWorkChanges() {
		this.policy.decide(sample(14).blockingRatio(0.8).activeThreads(14).queueSize(500).throughput(1000).build());
		this.policy.decide(sample(18).blockingRatio(0.8).activeThreads(18).queueSize(500).throughput(1100).build());
		this.policy.decide(sample(18).blockingRatio(0.8).activeThreads(18).queueSize(500).throughput(1100).build());
		ScalingDecision shrink = this.policy.decide(waiting(23, 0.5));
		assertThat(shrink.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(shrink.threadsAfter()).isEqualTo(KneeModel.kneeSize(2, 0.5, 64));
	}

	@Test
	void probesStopAtTwiceTheModelledKnee() {
		// β 0.8: model knee 14; probes may reach 28 and no further
		ScalingDecision last = this.policy.decide(waiting(14, 0.8, 1000));
		double throughput = 1000;
		for (int tick = 0; tick < 50
				&& (last.action() == ScalingAction.SCALE_UP || last.action() == ScalingAction.HOLD); tick++) {
			throughput *= 1.2;
			int n = last.threadsAfter();
			last = this.policy.decide(sample(n).blockingRatio(0.8).activeThreads(n).queueSize(500).busyThreads(n)
				.intervalTasks(1000).throughput(throughput).build());
		}
		assertThat(last.threadsAfter()).isEqualTo(28);
		assertThat(last.action()).isEqualTo(ScalingAction.VETO);
	}

	@Test
	void noProbeWithoutTasksQueuedForTheNewThreads() {
		ScalingDecision decision = this.policy.decide(sample(14).blockingRatio(0.8).activeThreads(14).queueSize(2)
			.busyThreads(14).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.VETO);
		assertThat(decision.threadsAfter()).isEqualTo(14);
	}

	@Test
	void noProbeWhenTasksOutlastTheTick() {
		ScalingDecision decision = this.policy.decide(sample(14).blockingRatio(0.8).activeThreads(14).queueSize(500)
			.busyThreads(14).intervalTasks(20).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.VETO);
	}

	@Test
	void theWorkersOwnWaitForCoresIsNotSaturation() {
		// ten threads at β 0.8 on 2 cores wait for a core about 15 % of their busy time by themselves
		double own = KneeModel.runQueueShare(2, 0.8, 10);
		assertThat(own).isBetween(0.14, 0.15);
		ScalingDecision decision = this.policy.decide(sample(10).blockingRatio(0.8).activeThreads(10).queueSize(100)
			.cpuPercent(97).runQueueShare(own + 0.02).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(decision.threadsAfter()).isEqualTo(14);
	}

	@Test
	void aChangeOfWorkIsNotMistakenForGrowthThatDidNotPay() {
		this.policy.decide(sample(4).blockingRatio(0.75).activeThreads(4).queueSize(500).throughput(1000).build());
		ScalingDecision next = this.policy.decide(sample(8).blockingRatio(0.5).activeThreads(8).queueSize(500)
			.throughput(500).build());
		assertThat(next.reason()).doesNotContain("left throughput flat");
	}

	@Test
	void afterAChangeOfWorkBetaFollowsItsMeasurementUntilItSettles() {
		this.policy.decide(waiting(2, 0.0));
		assertThat(this.policy.isSettling()).isFalse();
		// the first tick after the change measures a mix of the old work and the new
		ScalingDecision mixed = this.policy.decide(waiting(2, 0.77));
		assertThat(this.policy.isSettling()).isTrue();
		assertThat(mixed.threadsAfter()).isEqualTo(KneeModel.kneeSize(2, 0.77, 64));
		// unsmoothed, the next tick's β is the new work's own, not halfway to it
		int n = mixed.threadsAfter();
		ScalingDecision next = this.policy.decide(waiting(n, 0.97));
		assertThat(next.blockingRatio()).isEqualTo(0.97);
		assertThat(next.threadsAfter()).isEqualTo(KneeModel.kneeSize(2, 0.97, 64));
		assertThat(this.policy.isSettling()).isTrue();
		this.policy.decide(waiting(next.threadsAfter(), 0.975));
		assertThat(this.policy.isSettling()).isFalse();
	}

	@Test
	void aSmallerMoveOfBetaAsksForOneEarlyLookWithoutLeavingTheSmoothing() {
		this.policy.decide(waiting(2, 0.0));
		ScalingDecision moved = this.policy.decide(waiting(2, 0.15));
		assertThat(this.policy.isSettling()).isTrue();
		assertThat(moved.blockingRatio()).isCloseTo(0.075, org.assertj.core.data.Offset.offset(1e-9));
		this.policy.decide(waiting(2, 0.15));
		assertThat(this.policy.isSettling()).isFalse();
	}

	@Test
	void aChangeOfWorkDuringAnEarlyLookSettlesInFull() {
		this.policy.decide(waiting(2, 0.0));
		this.policy.decide(waiting(2, 0.15));
		assertThat(this.policy.isSettling()).isTrue();
		// the shift to I/O arrives on the early look: it settles like any other change of work
		ScalingDecision shift = this.policy.decide(waiting(2, 0.95));
		assertThat(shift.blockingRatio()).isEqualTo(0.95);
		assertThat(this.policy.isSettling()).isTrue();
		int ticks = 0;
		while (this.policy.isSettling()) {
			this.policy.decide(waiting(8, (ticks % 2 == 0) ? 0.8 : 0.95));
			ticks++;
		}
		assertThat(ticks).isEqualTo(AdaptivePolicy.SETTLING_TICKS);
	}

	@Test
	void settlingEndsAfterAFewTicksEvenWhileBetaKeepsMoving() {
		this.policy.decide(waiting(8, 0.3));
		this.policy.decide(waiting(8, 0.7));
		int ticks = 0;
		while (this.policy.isSettling()) {
			this.policy.decide(waiting(8, (ticks % 2 == 0) ? 0.55 : 0.7));
			ticks++;
		}
		assertThat(ticks).isEqualTo(AdaptivePolicy.SETTLING_TICKS);
	}

	@Test
	void betaThatFlipsEveryTickStillSettles() {
		this.policy.decide(waiting(8, 0.2));
		int ticks = 0;
		do {
			this.policy.decide(waiting(8, (ticks % 2 == 0) ? 0.8 : 0.2));
			ticks++;
		}
		while (this.policy.isSettling() && ticks < 100);
		// the first flip starts the settling, each later one counts it down
		assertThat(ticks).isEqualTo(AdaptivePolicy.SETTLING_TICKS + 1);
	}

	@Test
	void aPoolWithNoWorkToMeasureStopsSettling() {
		this.policy.decide(waiting(2, 0.0));
		this.policy.decide(waiting(2, 0.8));
		assertThat(this.policy.isSettling()).isTrue();
		this.policy.decide(sample(14).intervalTasks(0).throughput(0).build());
		assertThat(this.policy.isSettling()).isFalse();
	}

	@Test
	void noGrowthIsJudgedWhileTheWorkSettles() {
		this.policy.decide(waiting(2, 0.0));
		ScalingDecision grow = this.policy.decide(sample(2).blockingRatio(0.8).activeThreads(2).queueSize(500)
			.busyThreads(2).throughput(1000).build());
		assertThat(grow.threadsAfter()).isEqualTo(14);
		// throughput has not caught up yet: no ceiling, the pool stays
		ScalingDecision next = this.policy.decide(sample(14).blockingRatio(0.8).activeThreads(14).queueSize(500)
			.busyThreads(14).throughput(1000).build());
		assertThat(next.action()).isNotEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(next.threadsAfter()).isGreaterThanOrEqualTo(14);
	}

	@Test
	void justBelowTheKneeThePoolProbesPastItRatherThanHolding() {
		// β 0.98 on 2 cores: a knee of 108, within the deadband of 106
		assertThat(KneeModel.kneeSize(2, 0.98, 256)).isEqualTo(108);
		this.policy.decide(sample(106).bounds(1, 256).blockingRatio(0.98).activeThreads(106).queueSize(94)
			.busyThreads(106).intervalTasks(1000).build());
		ScalingDecision decision = this.policy.decide(sample(106).bounds(1, 256).blockingRatio(0.98)
			.activeThreads(106).queueSize(94).busyThreads(106).intervalTasks(1000).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(decision.threadsAfter()).isEqualTo(106 + 22);
		assertThat(decision.reason()).contains("probing 128 threads");
	}

	private ControlSample lockBound(int threads, double throughput) {
		// every thread busy at β 0.9, yet one core's worth of CPU used: (1 − 0.9) · n · (1 − runQueueShare) = 1
		return sample(threads).blockingRatio(0.9).activeThreads(threads).queueSize(200).busyThreads(threads)
			.runQueueShare(1 - 10.0 / threads).intervalTasks(1000).throughput(throughput).build();
	}

	@Test
	void threadsThatKeepTheCoresIdleAreProbedFewerUntilThroughputFalls() {
		ScalingDecision first = this.policy.decide(lockBound(23, 1900));
		assertThat(first.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(first.threadsAfter()).isEqualTo(17);
		assertThat(first.reason()).contains("such as a lock").contains("probing 17 threads");
		// throughput held: kept, and the next probe follows
		ScalingDecision second = this.policy.decide(lockBound(17, 1890));
		assertThat(second.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(second.threadsAfter()).isEqualTo(12);
		// throughput fell by a fifth: back to 17, which neither grows nor shrinks for now
		ScalingDecision back = this.policy.decide(lockBound(12, 1500));
		assertThat(back.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(back.threadsAfter()).isEqualTo(17);
		assertThat(back.reason()).startsWith("Probing from 17 down to 12 threads lowered throughput");
		for (int i = 0; i < 5; i++) {
			ScalingDecision stays = this.policy.decide(lockBound(17, 1890));
			assertThat(stays.threadsAfter()).isEqualTo(17);
		}
	}

	@Test
	void fewerThreadProbesAreJudgedAgainstTheThroughputBeforeTheSeries() {
		assertThat(this.policy.decide(lockBound(23, 1900)).threadsAfter()).isEqualTo(17);
		// 1.6 % below: kept
		assertThat(this.policy.decide(lockBound(17, 1870)).threadsAfter()).isEqualTo(12);
		// another 1.3 %: within 2 % of the step before, but 2.9 % below the start of the series
		ScalingDecision back = this.policy.decide(lockBound(12, 1845));
		assertThat(back.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(back.threadsAfter()).isEqualTo(17);
		assertThat(back.reason()).contains("(1900.00 → 1845.00 tasks/s)");
	}

	@Test
	void aFewerThreadProbeThatLetsTheQueueGrowIsUndone() {
		assertThat(this.policy.decide(lockBound(23, 1900)).threadsAfter()).isEqualTo(17);
		// throughput held, as it does while it follows the arrivals, but 60 more tasks wait
		ScalingDecision back = this.policy.decide(sample(17).blockingRatio(0.9).activeThreads(17).queueSize(260)
			.busyThreads(17).runQueueShare(1 - 10.0 / 17).intervalTasks(1000).throughput(1890).build());
		assertThat(back.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(back.threadsAfter()).isEqualTo(23);
		assertThat(back.reason()).isEqualTo("Probing from 23 down to 17 threads let the queue grow (200 → 260 tasks): "
				+ "returning to 23 threads.");
	}

	@Test
	void growthThatDidNotPayBelowTheKneeLeadsToProbesWithFewerThreads() {
		ScalingDecision grow = this.policy.decide(sample(10).blockingRatio(0.9).activeThreads(10).queueSize(200)
			.busyThreads(10).intervalTasks(1000).throughput(1000).build());
		assertThat(grow.threadsAfter()).isEqualTo(25);
		ScalingDecision undo = this.policy.decide(sample(25).blockingRatio(0.9).activeThreads(25).queueSize(200)
			.busyThreads(25).intervalTasks(1000).throughput(1010).build());
		assertThat(undo.threadsAfter()).isEqualTo(10);
		assertThat(undo.reason()).contains("left throughput flat");
		// the ten threads keep the cores as busy as the model expects; the failed growth is the evidence
		ScalingDecision fewer = this.policy.decide(sample(10).blockingRatio(0.9).activeThreads(10).queueSize(200)
			.busyThreads(10).intervalTasks(1000).throughput(1000).build());
		assertThat(fewer.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(fewer.threadsAfter()).isEqualTo(7);
		assertThat(fewer.reason()).contains("growing past 10 threads did not raise throughput");
	}

	@Test
	void cpuBoundWorkIsNeverProbedFewerItsKneeIsTheCores() {
		// three threads just after a large shrink keep 1.2 cores busy: a transient, not a lock
		ScalingDecision decision = this.policy.decide(sample(3).blockingRatio(0.02).activeThreads(3).queueSize(185)
			.busyThreads(3).runQueueShare(0.6).intervalTasks(1000).build());
		assertThat(decision.threadsAfter()).isEqualTo(2);
		assertThat(decision.reason()).startsWith("CPU-bound work").doesNotContain("such as a lock");
	}

	@Test
	void threadsThatKeepTheCoresAsBusyAsTheModelSaysAreNotProbedFewer() {
		// β 0.8, 14 threads, and the cores as busy as the model expects of them
		double share = KneeModel.runQueueShare(2, 0.8, 14);
		ScalingDecision decision = this.policy.decide(sample(14).blockingRatio(0.8).activeThreads(14).queueSize(200)
			.busyThreads(14).runQueueShare(share).intervalTasks(1000).build());
		assertThat(decision.action()).isNotEqualTo(ScalingAction.SCALE_DOWN);
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0 })
	void decisionsStayWithinTheBounds(double beta) {
		AdaptivePolicy bounded = new AdaptivePolicy(this.config);
		for (int threads : new int[] { 3, 5, 8, 12 }) {
			ScalingDecision decision = bounded.decide(sample(threads).bounds(3, 12).blockingRatio(beta)
				.activeThreads(threads).queueSize(1000).build());
			assertThat(decision.threadsAfter()).isBetween(3, 12);
		}
	}

}
