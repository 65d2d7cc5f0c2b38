package io.betapool.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrialLimitsTests {

	private final Samples samples = new Samples();

	private final TrialLimits limits = new TrialLimits();

	@Test
	void theTargetIsTheKneeRaisedToTheFloorAndCappedByTheCeiling() {
		assertThat(this.limits.target(25)).isEqualTo(25);
		this.limits.floor(30, this.samples.now + 10 * Samples.TICK);
		assertThat(this.limits.target(25)).isEqualTo(30);
		this.limits.ceiling(20, this.samples.now + 10 * Samples.TICK);
		assertThat(this.limits.target(25)).isEqualTo(20);
		assertThat(this.limits.floor()).isZero();
	}

	@Test
	void aCeilingExpiresOnItsOwnAcrossTheTickerWrapping() {
		this.limits.ceiling(20, this.samples.now + 2 * Samples.TICK);
		assertThat(this.limits.observe(this.samples.busy(20, 50, 0.9, 1000), true)).isFalse();
		assertThat(this.limits.hasCeiling()).isTrue();
		// the ticker passes Long.MAX_VALUE here
		this.limits.observe(this.samples.busy(20, 50, 0.9, 1000), true);
		this.limits.observe(this.samples.busy(20, 50, 0.9, 1000), true);
		assertThat(this.limits.hasCeiling()).isFalse();
	}

	@Test
	void aCeilingIsLiftedTheMomentTheBacklogGrowsWhileThreadsCouldHelp() {
		this.limits.ceiling(20, this.samples.now + 100 * Samples.TICK);
		this.limits.observe(this.samples.busy(20, 50, 0.9, 1000), true);
		assertThat(this.limits.observe(this.samples.busy(20, 60, 0.9, 1000), true)).isFalse();
		assertThat(this.limits.observe(this.samples.busy(20, 80, 0.9, 1000), false)).isFalse();
		assertThat(this.limits.hasCeiling()).isTrue();
		assertThat(this.limits.observe(this.samples.busy(20, 100, 0.9, 1000), true)).isTrue();
		assertThat(this.limits.hasCeiling()).isFalse();
	}

	@Test
	void newWorkForgetsBothLimits() {
		this.limits.floor(30, this.samples.now + 10 * Samples.TICK);
		this.limits.forget();
		this.limits.ceiling(20, this.samples.now + 10 * Samples.TICK);
		this.limits.forget();
		assertThat(this.limits.target(25)).isEqualTo(25);
	}

}
