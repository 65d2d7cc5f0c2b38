package io.betapool.control;

import java.time.Duration;

import io.betapool.measure.Ticker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CpuBudgetTests {

	private static final double ALL = Double.POSITIVE_INFINITY;

	private static final long INTERVAL = Duration.ofMillis(500).toNanos();

	private long now = Long.MAX_VALUE - Duration.ofMinutes(1).toNanos();

	private final Ticker ticker = () -> this.now;

	private final CpuBudget budget = new CpuBudget(2, this.ticker);

	@Test
	void waterFillingGivesSmallDemandsWhatTheyAskAndSplitsTheRestEvenly() {
		assertThat(CpuBudget.waterFill(2, new double[] { 0.3, ALL })).containsExactly(0.3, 1.7);
		assertThat(CpuBudget.waterFill(2, new double[] { ALL, ALL })).containsExactly(1.0, 1.0);
		assertThat(CpuBudget.waterFill(2, new double[] { ALL, 0.5, ALL })).containsExactly(0.75, 0.5, 0.75);
		assertThat(CpuBudget.waterFill(2, new double[] { 0.5, 0.5 })).containsExactly(0.5, 0.5);
		assertThat(CpuBudget.waterFill(2, new double[] { 5 })).containsExactly(2.0);
	}

	@Test
	void aPoolAloneMayUseEveryCore() {
		CpuBudget.Share alone = this.budget.join("alone", INTERVAL);
		assertThat(alone.claim(1.2, ALL).cores()).isEqualTo(2.0);
		assertThat(alone.claim(1.2, ALL).othersUsed()).isZero();
	}

	@Test
	void twoPoolsWhoseWorkWaitsSplitTheCoresAndSeeWhatTheOtherUsed() {
		CpuBudget.Share cpu = this.budget.join("cpu", INTERVAL);
		CpuBudget.Share io = this.budget.join("io", INTERVAL);
		cpu.claim(2.0, ALL);
		CpuBudget.Allotment ioShare = io.claim(0.1, ALL);
		assertThat(ioShare.cores()).isEqualTo(1.0);
		assertThat(ioShare.othersUsed()).isEqualTo(2.0);
		assertThat(cpu.claim(1.0, ALL).othersUsed()).isEqualTo(0.1);
	}

	@Test
	void aPoolThatNeedsLittleLeavesTheRestToTheOther() {
		CpuBudget.Share cpu = this.budget.join("cpu", INTERVAL);
		CpuBudget.Share io = this.budget.join("io", INTERVAL);
		io.claim(0.3, 0.4);
		assertThat(cpu.claim(1.6, ALL).cores()).isCloseTo(1.6, within(1e-9));
	}

	@Test
	void aPoolThatLeftOrStoppedClaimingNoLongerCounts() {
		CpuBudget.Share cpu = this.budget.join("cpu", INTERVAL);
		CpuBudget.Share other = this.budget.join("other", INTERVAL);
		other.claim(1.0, ALL);
		assertThat(cpu.claim(1.0, ALL).cores()).isEqualTo(1.0);
		assertThat(this.budget.pools()).isEqualTo(2);
		// a claim holds max(2 s, 2 intervals) without renewal
		this.now += CpuBudget.MIN_CLAIM_NANOS;
		assertThat(cpu.claim(1.0, ALL).cores()).isEqualTo(2.0);
		other.claim(1.0, ALL);
		other.close();
		assertThat(cpu.claim(1.0, ALL).cores()).isEqualTo(2.0);
		assertThat(this.budget.pools()).isEqualTo(1);
	}

	@Test
	void aClaimAfterLeavingSharesNothingAndTakesNothingFromOthers() {
		CpuBudget.Share left = this.budget.join("left", INTERVAL);
		CpuBudget.Share other = this.budget.join("other", INTERVAL);
		left.close();
		// the controller's last tick may still claim after the pool terminated
		assertThat(left.claim(1.0, ALL).cores()).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(other.claim(1.0, ALL).cores()).isEqualTo(2.0);
		CpuBudget alone = new CpuBudget(2, this.ticker);
		CpuBudget.Share only = alone.join("only", INTERVAL);
		only.close();
		assertThat(only.claim(1.0, ALL).othersUsed()).isZero();
	}

	@Test
	void noBudgetGivesEveryPoolEveryCore() {
		CpuBudget none = CpuBudget.none();
		CpuBudget.Share a = none.join("a", INTERVAL);
		CpuBudget.Share b = none.join("b", INTERVAL);
		a.claim(none.cores(), ALL);
		assertThat(b.claim(none.cores(), ALL).cores()).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(none.isDivided()).isFalse();
	}

	@Test
	void aBudgetNeedsACore() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CpuBudget(0, this.ticker))
			.withMessageContaining("cores must be >= 1, but was 0");
	}

	@Test
	void theKneeScalesWithTheShare() {
		// CPU-bound: the share rounded up; blocking work: nearly proportional
		assertThat(KneeModel.kneeSize(1.0, 2, 0.0, 256)).isEqualTo(1);
		assertThat(KneeModel.kneeSize(1.5, 2, 0.0, 256)).isEqualTo(2);
		assertThat(KneeModel.kneeSize(2.0, 2, 0.9, 256)).isEqualTo(KneeModel.kneeSize(2, 0.9, 256));
		assertThat(KneeModel.kneeSize(1.0, 2, 0.99, 256))
			.isCloseTo(KneeModel.kneeSize(2, 0.99, 256) / 2, org.assertj.core.api.Assertions.within(1));
		assertThat(KneeModel.kneeSize(0.0, 2, 0.99, 256)).isEqualTo(1);
		// the knee of one core at β 0.999 is far above the limit: a share does not halve a pool at its limit
		assertThat(KneeModel.kneeSize(1.0, 2, 0.999, 256)).isEqualTo(256);
	}

}
