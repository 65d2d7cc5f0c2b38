package io.betapool.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HillClimbTests {

	private final Samples samples = new Samples();

	private final HillClimb climb = new HillClimb(Samples.CONFIG, Samples.SETTINGS);

	/** Runs the trial the climb just started, with {@code gain} tasks/s more at its larger size. */
	private HillClimb.Step runTrial(HillClimb.Step start, int low, int high, double gain) {
		HillClimb.Step step = start;
		for (int tick = 0; tick < 2 * Samples.SETTINGS.trialPeriods(); tick++) {
			int n = step.size();
			step = this.climb.continueTrial(this.samples.busy(n, 100, 0.9, 1000 + ((n == high) ? gain : 0) + tick % 2),
					true, 0.9, 20);
			assertThat(step).isNotNull();
		}
		return step;
	}

	@Test
	void withoutLimitsItTriesAQuarterMoreThreadsUpToTwiceTheKnee() {
		HillClimb.Step step = this.climb.climb(this.samples.busy(20, 100, 0.9, 1000), 25, "why", true);
		assertThat(step.reason()).isEqualTo(Reason.TRIAL_START);
		assertThat(step.size()).isEqualTo(25);
		HillClimb capped = new HillClimb(Samples.CONFIG, Samples.SETTINGS);
		assertThat(capped.climb(this.samples.busy(48, 100, 0.9, 1000), 25, "why", true).size()).isEqualTo(50);
	}

	@Test
	void aTrialThatPaysRaisesTheFloorAndTheClimbGoesOn() {
		HillClimb.Step verdict = runTrial(this.climb.climb(this.samples.busy(20, 100, 0.9, 1000), 20, "why", true), 20,
				25, 50);
		assertThat(verdict.reason()).isEqualTo(Reason.TRIAL_PAID);
		assertThat(this.climb.target(20)).isEqualTo(25);
		assertThat(this.climb.climb(this.samples.busy(25, 100, 0.9, 1000), 20, "why", true).reason())
			.isEqualTo(Reason.TRIAL_START);
	}

	@Test
	void aTrialThatDoesNotPaySetsACeilingFromWhichTheClimbGoesDown() {
		HillClimb.Step verdict = runTrial(this.climb.climb(this.samples.busy(20, 100, 0.9, 1000), 20, "why", true), 20,
				25, 0);
		assertThat(verdict.reason()).isEqualTo(Reason.TRIAL_NOT_PAID);
		// the ceiling never holds the pool below the knee
		assertThat(this.climb.target(40)).isEqualTo(40);
		// above the knee, the climb goes down from the ceiling, but not below the knee
		HillClimb.Step down = this.climb.climb(this.samples.busy(20, 100, 0.9, 1000), 12, "why", true);
		assertThat(down.reason()).isEqualTo(Reason.FEWER_TRIAL_START);
		assertThat(down.size()).isEqualTo(15);
		HillClimb atKnee = new HillClimb(Samples.CONFIG, Samples.SETTINGS);
		runTrialOn(atKnee);
		assertThat(atKnee.climb(this.samples.busy(20, 100, 0.9, 1000), 20, "why", true).reason())
			.isEqualTo(Reason.AT_CEILING);
	}

	@Test
	void aRunningTrialIsAbandonedAsSoonAsTheKneeRisesPastItsLargerSize() {
		HillClimb.Step start = this.climb.climb(this.samples.busy(20, 100, 0.9, 1000), 20, "why", true);
		assertThat(start.size()).isEqualTo(25);
		assertThat(this.climb.continueTrial(this.samples.busy(25, 100, 0.97, 1000), true, 0.97, 60)).isNull();
		assertThat(this.climb.continueTrial(this.samples.busy(25, 100, 0.97, 1000), true, 0.97, 60)).isNull();
	}

	/** Runs a trial 20 ↔ 25 at a knee of 20 on {@code other}, in which the larger size does not pay. */
	private void runTrialOn(HillClimb other) {
		HillClimb.Step step = other.climb(this.samples.busy(20, 100, 0.9, 1000), 20, "why", true);
		for (int tick = 0; tick < 2 * Samples.SETTINGS.trialPeriods(); tick++) {
			step = other.continueTrial(this.samples.busy(step.size(), 100, 0.9, 1000 + tick % 2), true, 0.9, 20);
		}
		assertThat(step.reason()).isEqualTo(Reason.TRIAL_NOT_PAID);
	}

	@Test
	void withoutATickThatCanJudgeItHoldsAtTheTarget() {
		HillClimb.Step step = this.climb.climb(this.samples.busy(20, 100, 0.9, 1000), 20, "why", false);
		assertThat(step.reason()).isEqualTo(Reason.AT_TARGET);
		assertThat(step.size()).isEqualTo(20);
		assertThat(this.climb.continueTrial(this.samples.busy(20, 100, 0.9, 1000), true, 0.9, 20)).isNull();
	}

	@Test
	void newWorkForgetsTheLimits() {
		runTrial(this.climb.climb(this.samples.busy(20, 100, 0.9, 1000), 20, "why", true), 20, 25, 0);
		this.climb.forget();
		assertThat(this.climb.target(40)).isEqualTo(40);
	}

}
