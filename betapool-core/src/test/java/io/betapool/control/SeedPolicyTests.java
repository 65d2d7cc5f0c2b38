package io.betapool.control;

import java.time.Duration;

import io.betapool.ControllerConfig;
import io.betapool.Policy;
import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed library's rules: β &gt; 0.7 and CPU &lt; 85 % → +2; β &lt; 0.3 → −1; CPU &gt; 85 % → −1; after 10
 * warm-up tasks and outside a 2 s stabilisation window.
 */
class SeedPolicyTests {

	private static final long TICK = Duration.ofMillis(500).toNanos();

	private final SeedPolicy policy = new SeedPolicy(ControllerConfig.builder().policy(Policy.SEED).build());

	private long now = Long.MAX_VALUE - TICK;

	private ControlSample.Builder sample(int threads, double rawBeta, double cpu) {
		this.now += TICK;
		return ControlSample.builder()
			.nanoTime(this.now)
			.currentThreads(threads)
			.bounds(4, 64)
			.cores(2)
			.completedTasks(100)
			.rawBlockingRatio(rawBeta)
			.blockingRatio(0.01)
			.cpuPercent(cpu);
	}

	@Test
	void theFactoryMakesTheSeedPolicyForSeed() {
		assertThat(ScalingPolicy.of(ControllerConfig.builder().policy(Policy.SEED).build()))
			.isInstanceOf(SeedPolicy.class);
		assertThat(ScalingPolicy.of(ControllerConfig.defaults())).isInstanceOf(AdaptivePolicy.class);
	}

	@Test
	void waitsForTenTasks() {
		ScalingDecision decision = this.policy.decide(sample(4, 0.9, 10).completedTasks(9).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(decision.reason()).contains("Warming up");
	}

	@Test
	void highBetaAndLowCpuAddsTwoThreads() {
		ScalingDecision decision = this.policy.decide(sample(4, 0.71, 84).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
		assertThat(decision.threadsAfter()).isEqualTo(6);
	}

	@Test
	void actsOnTheRawBlockingRatio() {
		ScalingDecision decision = this.policy.decide(sample(4, 0.9, 50).blockingRatio(0.0).build());
		assertThat(decision.blockingRatio()).isEqualTo(0.9);
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_UP);
	}

	@Test
	void lowBetaRetiresOneThread() {
		ScalingDecision decision = this.policy.decide(sample(10, 0.29, 40).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(decision.threadsAfter()).isEqualTo(9);
	}

	@Test
	void highCpuRetiresOneThread() {
		ScalingDecision decision = this.policy.decide(sample(10, 0.75, 90).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.SCALE_DOWN);
		assertThat(decision.threadsAfter()).isEqualTo(9);
	}

	@Test
	void middleBetaWithQueuedWorkIsRecordedAsAVeto() {
		ScalingDecision decision = this.policy.decide(sample(10, 0.5, 50).queueSize(3).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.VETO);
		assertThat(decision.threadsAfter()).isEqualTo(10);
	}

	@Test
	void middleBetaWithoutQueuedWorkHolds() {
		assertThat(this.policy.decide(sample(10, 0.5, 50).build()).action()).isEqualTo(ScalingAction.HOLD);
	}

	@Test
	void noResizeWithinTwoSecondsOfTheLast() {
		assertThat(this.policy.decide(sample(4, 0.9, 10).build()).threadsAfter()).isEqualTo(6);
		for (int i = 0; i < 3; i++) {
			ScalingDecision held = this.policy.decide(sample(6, 0.9, 10).build());
			assertThat(held.action()).isEqualTo(ScalingAction.HOLD);
			assertThat(held.reason()).startsWith("Stabilising");
		}
		assertThat(this.policy.decide(sample(6, 0.9, 10).build()).threadsAfter()).isEqualTo(8);
	}

	@Test
	void staysWithinTheBounds() {
		assertThat(this.policy.decide(sample(64, 0.9, 10).build()).threadsAfter()).isEqualTo(64);
		assertThat(this.policy.decide(sample(4, 0.1, 10).build()).threadsAfter()).isEqualTo(4);
		assertThat(this.policy.decide(sample(63, 0.9, 10).build()).threadsAfter()).isEqualTo(64);
	}

	@Test
	void growsForeverOnCpuWorkWhoseRawBetaIsInflated() {
		// the flaw the adaptive policy corrects: oversubscribed CPU work reads β ≈ 0.87 at 16 threads
		int threads = 16;
		for (int i = 0; i < 20; i++) {
			ScalingDecision decision = this.policy.decide(sample(threads, 0.87, 80).build());
			threads = decision.threadsAfter();
		}
		assertThat(threads).isGreaterThan(16);
	}

	@Test
	void noTaskInTheIntervalHolds() {
		ScalingDecision decision = this.policy.decide(sample(8, Double.NaN, 10).build());
		assertThat(decision.action()).isEqualTo(ScalingAction.HOLD);
		assertThat(decision.reason()).contains("No task");
	}

}
