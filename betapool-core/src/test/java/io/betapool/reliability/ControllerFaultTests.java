package io.betapool.reliability;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import io.betapool.control.ControlSample;
import io.betapool.control.ScalingPolicy;
import io.betapool.internal.PoolEngine;
import io.betapool.measure.CpuProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY;
import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 10: the controller thread survives an exception from the CPU probe or from the policy, and the
 * pool keeps serving. A probe that fails is logged once and the controller decides without CPU
 * utilisation; a policy that fails loses only its own tick. The probe is injected through
 * {@link PoolEngine.Settings#cpuProbe}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ControllerFaultTests {

	private final List<PoolEngine> engines = new ArrayList<>();

	private final RecordingLogger logger = new RecordingLogger();

	@AfterEach
	void stopEngines() throws InterruptedException {
		for (PoolEngine engine : this.engines) {
			engine.shutdownNow();
			assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
	}

	private PoolEngine start(String prefix, ScalingPolicy policy, Supplier<CpuProbe> probe) {
		PoolEngine engine = PoolEngine.start(new PoolEngine.Settings().name(prefix + "pool")
			.threadNamePrefix(prefix)
			.bounds(1, 4)
			.monitorInterval(Duration.ofMillis(5))
			.cpuProbe(probe)
			.logger(this.logger)
			.policy(policy));
		this.engines.add(engine);
		return engine;
	}

	enum ProbeFault {

		THROWS_A_RUNTIME_EXCEPTION, THROWS_A_LINKAGE_ERROR, CANNOT_BE_CREATED, FAILS_THREE_TIMES_THEN_RECOVERS

	}

	@ParameterizedTest
	@EnumSource(ProbeFault.class)
	void aFailingCpuProbeIsLoggedOnceAndTheControllerKeepsDecidingWithoutCpuUtilisation(ProbeFault fault)
			throws Exception {
		String prefix = "probe-fault-" + fault + "-";
		AtomicInteger reads = new AtomicInteger();
		CpuProbe probe = () -> {
			int read = reads.incrementAndGet();
			switch (fault) {
				case THROWS_A_RUNTIME_EXCEPTION -> throw new IllegalStateException("probe failure expected by the test");
				case THROWS_A_LINKAGE_ERROR -> throw new NoClassDefFoundError("probe failure expected by the test");
				case FAILS_THREE_TIMES_THEN_RECOVERS -> {
					if (read <= 3) {
						throw new IllegalStateException("probe failure expected by the test");
					}
				}
				default -> throw new AssertionError(fault);
			}
			return 42.0;
		};
		Supplier<CpuProbe> factory = (fault == ProbeFault.CANNOT_BE_CREATED) ? () -> {
			throw new IllegalStateException("probe creation failure expected by the test");
		} : () -> probe;
		Queue<Double> cpuSeen = new ConcurrentLinkedQueue<>();
		ScriptedPolicy policy = ScriptedPolicy.of((tick, sample) -> {
			cpuSeen.add(sample.cpuPercent());
			return (tick % 2 == 0) ? 2 : 1;
		});
		PoolEngine engine = start(prefix, policy, factory);

		policy.awaitDecisions(20);

		assertThat(policy.resizes.get()).as("resizes while the probe fails").isGreaterThanOrEqualTo(10);
		assertThat(liveThreadsNamed(prefix + "controller")).as("controller thread").hasSize(1);
		assertThat(engine.executor().submit(() -> "still serving").get(LONG_DELAY_MS, MILLISECONDS))
			.isEqualTo("still serving");
		assertThat(this.logger.messages(System.Logger.Level.WARNING))
			.as("the failing probe is reported once, not at every tick")
			.containsExactly("CPU probe failed; deciding without CPU utilisation");
		if (fault == ProbeFault.FAILS_THREE_TIMES_THEN_RECOVERS) {
			assertThat(cpuSeen).startsWith(Double.NaN, Double.NaN, Double.NaN).contains(42.0);
		}
		else {
			assertThat(cpuSeen).allMatch((cpu) -> cpu.isNaN());
		}
		engine.shutdown();
		assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	@Test
	void theControllerThreadSurvivesAnErrorFromTheProbeAtEveryTickAndThePoolKeepsServing() throws Exception {
		String prefix = "probe-error-";
		AtomicInteger reads = new AtomicInteger();
		CpuProbe failing = () -> {
			reads.incrementAndGet();
			throw new AssertionError("probe error expected by the test");
		};
		ScriptedPolicy policy = ScriptedPolicy.following(() -> 2);
		PoolEngine engine = start(prefix, policy, () -> failing);

		await().atMost(LONG_DELAY).until(() -> reads.get() >= 20);

		assertThat(liveThreadsNamed(prefix + "controller")).as("controller thread").hasSize(1);
		assertThat(engine.executor().submit(() -> "still serving").get(LONG_DELAY_MS, MILLISECONDS))
			.isEqualTo("still serving");
		assertThat(this.logger.messages(System.Logger.Level.WARNING))
			.containsOnlyOnce("CPU probe failed; deciding without CPU utilisation");
		engine.shutdown();
		assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	@Test
	void theControllerThreadSurvivesAPolicyThatThrowsAnErrorAtEveryTickAndThePoolKeepsServing() throws Exception {
		String prefix = "policy-error-";
		AtomicInteger calls = new AtomicInteger();
		ScalingPolicy failing = new ScalingPolicy() {

			@Override
			public ScalingDecision decide(ControlSample sample) {
				calls.incrementAndGet();
				throw new AssertionError("policy error expected by the test");
			}

			@Override
			public double blockingRatioOf(ControlSample sample) {
				return sample.blockingRatio();
			}

		};
		PoolEngine engine = start(prefix, failing, () -> () -> Double.NaN);

		await().atMost(LONG_DELAY).until(() -> calls.get() >= 20);

		assertThat(liveThreadsNamed(prefix + "controller")).as("controller thread").hasSize(1);
		for (int i = 0; i < 100; i++) {
			assertThat(engine.executor().submit(() -> "still serving").get(LONG_DELAY_MS, MILLISECONDS))
				.isEqualTo("still serving");
		}
		assertThat(engine.decisionCount(ScalingAction.HOLD)).isZero();
		// a worker counts a task just after its future completes
		await().atMost(LONG_DELAY).until(() -> engine.metrics().totalTasks() == 100);
		engine.shutdown();
		assertThat(engine.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	/** Keeps what is logged through it, formatted. */
	static final class RecordingLogger implements System.Logger {

		private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();

		record Entry(Level level, String message, Throwable thrown) {
		}

		List<String> messages(Level level) {
			return this.entries.stream().filter((entry) -> entry.level() == level).map(Entry::message).toList();
		}

		@Override
		public String getName() {
			return "io.betapool";
		}

		@Override
		public boolean isLoggable(Level level) {
			return true;
		}

		@Override
		public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
			this.entries.add(new Entry(level, message, thrown));
		}

		@Override
		public void log(Level level, ResourceBundle bundle, String format, Object... params) {
			this.entries.add(new Entry(level, (params == null || params.length == 0) ? format
					: MessageFormat.format(format, params), null));
		}

	}

}
