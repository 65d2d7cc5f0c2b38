package io.betapool.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrialLimitsTests {

	private final Samples samples = new Samples();

	private final TrialLimits limits = new TrialLimits(Samples.SETTINGS.sameWork());

	@Test
	void theTargetIsTheKneeRaisedToTheFloorAndNeverHeldBelowItByACeiling() {
		assertThat(this.limits.target(25)).isEqualTo(25);
		this.limits.floor(30, this.samples.now + 10 * Samples.TICK, 0.9);
		assertThat(this.limits.target(25)).isEqualTo(30);
		this.limits.ceiling(20, this.samples.now + 10 * Samples.TICK, 0.9);
		assertThat(this.limits.floor()).isZero();
		assertThat(this.limits.target(25)).isEqualTo(25);
		assertThat(this.limits.target(15)).isEqualTo(15);
	}

	@Test
	void aCeilingExpiresOnItsOwnAcrossTheTickerWrapping() {
		this.limits.ceiling(20, this.samples.now + 2 * Samples.TICK, 0.9);
		assertThat(this.limits.observe(this.samples.busy(20, 50, 0.9, 1000), true, 0.9)).isFalse();
		assertThat(this.limits.hasCeiling()).isTrue();
		// the ticker passes Long.MAX_VALUE here
		this.limits.observe(this.samples.busy(20, 50, 0.9, 1000), true, 0.9);
		this.limits.observe(this.samples.busy(20, 50, 0.9, 1000), true, 0.9);
		assertThat(this.limits.hasCeiling()).isFalse();
	}

	@Test
	void aCeilingIsLiftedTheMomentTheBacklogGrowsWhileThreadsCouldHelp() {
		this.limits.ceiling(20, this.samples.now + 100 * Samples.TICK, 0.9);
		this.limits.observe(this.samples.busy(20, 50, 0.9, 1000), true, 0.9);
		assertThat(this.limits.observe(this.samples.busy(20, 60, 0.9, 1000), true, 0.9)).isFalse();
		assertThat(this.limits.observe(this.samples.busy(20, 80, 0.9, 1000), false, 0.9)).isFalse();
		assertThat(this.limits.hasCeiling()).isTrue();
		assertThat(this.limits.observe(this.samples.busy(20, 100, 0.9, 1000), true, 0.9)).isTrue();
		assertThat(this.limits.hasCeiling()).isFalse();
	}

	@Test
	void aLimitHoldsOnlyForTheWorkItWasFoundOn() {
		this.limits.ceiling(20, this.samples.now + 100 * Samples.TICK, 0.8);
		this.limits.floor(15, this.samples.now + 100 * Samples.TICK, 0.8);
		// β̂ creeps up by less than a regime change each tick, as work that shifts gradually does;
		// within sameWork (knee moved by under a quarter) the limits hold
		this.limits.observe(this.samples.busy(20, 50, 0.82, 1000), true, 0.82);
		assertThat(this.limits.hasCeiling()).isTrue();
		assertThat(this.limits.observe(this.samples.busy(20, 50, 0.95, 1000), true, 0.95)).isTrue();
		assertThat(this.limits.hasCeiling()).isFalse();
		assertThat(this.limits.floor()).isZero();
	}

	@Test
	void newWorkForgetsBothLimits() {
		this.limits.floor(30, this.samples.now + 10 * Samples.TICK, 0.9);
		this.limits.forget();
		this.limits.ceiling(20, this.samples.now + 10 * Samples.TICK, 0.9);
		this.limits.forget();
		assertThat(this.limits.target(25)).isEqualTo(25);
	}

}
