package io.betapool.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GrowthTrialTests {

	private final Samples samples = new Samples();

	private final GrowthTrial trial = new GrowthTrial(Samples.SETTINGS);

	/** Runs a whole trial from 20 ↔ 25 threads; throughput at tick i is {@code base[i]}, plus {@code gain} at 25. */
	private GrowthTrial.Outcome run(double[] base, double gain) {
		int size = this.trial.start(20, 25, 20, 0.9);
		GrowthTrial.Outcome outcome = null;
		for (int i = 0; i < base.length; i++) {
			double throughput = base[i] + ((size == 25) ? gain : 0);
			outcome = this.trial.observe(this.samples.busy(size, 100, 0.9, throughput), 0.9, true);
			if (outcome != GrowthTrial.Outcome.CONTINUE) {
				return outcome;
			}
			size = this.trial.nextSize();
		}
		return outcome;
	}

	@Test
	void movesInAWaveStartingWithTheOtherSize() {
		assertThat(this.trial.start(20, 25, 20, 0.9)).isEqualTo(25);
		assertThat(this.trial.observe(this.samples.busy(25, 100, 0.9, 1000), 0.9, true))
			.isEqualTo(GrowthTrial.Outcome.CONTINUE);
		assertThat(this.trial.nextSize()).isEqualTo(20);
		GrowthTrial downward = new GrowthTrial(Samples.SETTINGS);
		assertThat(downward.start(15, 20, 20, 0.9)).isEqualTo(15);
	}

	@Test
	void aSmallGainShowsThroughDriftLargerThanIt() {
		// throughput climbs by 3 % a tick; the larger size adds 1.5 %
		double[] base = new double[8];
		for (int i = 0; i < base.length; i++) {
			base[i] = 1000 * (1 + 0.03 * i);
		}
		// paired differences: the high tick comes first in each period, so drift works against it
		assertThat(run(base, 45)).isEqualTo(GrowthTrial.Outcome.PAID);
	}

	@Test
	void noiseWithoutAGainDoesNotPay() {
		double[] base = { 1000, 1040, 990, 960, 1030, 1000, 980, 1010 };
		assertThat(run(base, 0)).isEqualTo(GrowthTrial.Outcome.NOT_PAID);
	}

	@Test
	void aLossDoesNotPay() {
		double[] base = { 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000 };
		assertThat(run(base, -20)).isEqualTo(GrowthTrial.Outcome.NOT_PAID);
		assertThat(this.trial.isRunning()).isFalse();
	}

	@Test
	void isAbandonedWhenTheWorkChangesOrStopsWaitingOrTheSizeIsChangedElsewhere() {
		this.trial.start(20, 25, 20, 0.9);
		assertThat(this.trial.observe(this.samples.busy(25, 100, 0.5, 1000), 0.5, true))
			.isEqualTo(GrowthTrial.Outcome.ABANDONED);
		this.trial.start(20, 25, 20, 0.9);
		assertThat(this.trial.observe(this.samples.busy(25, 0, 0.9, 1000), 0.9, false))
			.isEqualTo(GrowthTrial.Outcome.ABANDONED);
		this.trial.start(20, 25, 20, 0.9);
		assertThat(this.trial.observe(this.samples.busy(30, 100, 0.9, 1000), 0.9, true))
			.isEqualTo(GrowthTrial.Outcome.ABANDONED);
		assertThat(this.trial.startSize()).isEqualTo(20);
	}

	@Test
	void startsOnlyFromOneOfItsSizes() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.trial.start(20, 25, 22, 0.9));
		assertThatIllegalArgumentException().isThrownBy(() -> this.trial.start(25, 25, 25, 0.9));
	}

}
