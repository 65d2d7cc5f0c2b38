package io.betapool.reliability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import io.betapool.control.ControlSample;
import io.betapool.control.ScalingPolicy;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

/**
 * A policy whose sizes the test chooses: at every tick it asks its script for a size, clamps it into the
 * sample's bounds and counts the decision, so that a test can wait for the k-th one. This is how tests
 * force resizes of a {@link io.betapool.internal.PoolEngine} at the moments they choose.
 */
public final class ScriptedPolicy implements ScalingPolicy {

	private final Script script;

	private final AtomicInteger ticks = new AtomicInteger();

	/** One party, the policy, arriving at each decision: the phase is the number of decisions. */
	private final Phaser decided = new Phaser(1);

	/** The sizes the pool had when the policy was asked. */
	public final Set<Integer> sizesSeen = ConcurrentHashMap.newKeySet();

	/** How many decisions changed the size. */
	public final AtomicInteger resizes = new AtomicInteger();

	private ScriptedPolicy(Script script) {
		this.script = script;
	}

	/** A policy that asks the script for each size. */
	public static ScriptedPolicy of(Script script) {
		return new ScriptedPolicy(script);
	}

	/** A policy that sets the size the supplier gives at every tick. */
	public static ScriptedPolicy following(IntSupplier size) {
		return new ScriptedPolicy((tick, sample) -> size.getAsInt());
	}

	@Override
	public ScalingDecision decide(ControlSample sample) {
		int tick = this.ticks.getAndIncrement();
		int before = sample.currentThreads();
		this.sizesSeen.add(before);
		int after = Math.max(sample.minWorkers(), Math.min(sample.maxWorkers(), this.script.size(tick, sample)));
		ScalingAction action = (after > before) ? ScalingAction.SCALE_UP
				: (after < before) ? ScalingAction.SCALE_DOWN : ScalingAction.HOLD;
		if (after != before) {
			this.resizes.incrementAndGet();
		}
		this.decided.arrive();
		return new ScalingDecision(sample.timestamp(), before, after, sample.blockingRatio(), sample.cpuPercent(),
				sample.throughput(), action, "Size " + after + " chosen by the test.");
	}

	@Override
	public double blockingRatioOf(ControlSample sample) {
		return sample.blockingRatio();
	}

	/** How many decisions the policy has taken. */
	public int decisions() {
		return this.ticks.get();
	}

	/**
	 * Waits for the policy's {@code count}-th decision, at most
	 * {@link io.betapool.ConcurrencyTestSupport#LONG_DELAY_MS}.
	 */
	public void awaitDecisions(int count) throws InterruptedException, TimeoutException {
		int phase = this.decided.getPhase();
		while (phase < count) {
			phase = this.decided.awaitAdvanceInterruptibly(phase, LONG_DELAY_MS, MILLISECONDS);
		}
	}

	/** The size a scripted policy sets at a tick. */
	@FunctionalInterface
	public interface Script {

		int size(int tick, ControlSample sample);

	}

}
