package io.betapool.reliability;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.Gate;
import io.betapool.Policy;
import io.betapool.ScalingAction;
import io.betapool.StaticThreadPoolExecutor;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Bad input: every invalid constructor argument, builder value and configuration value is refused with
 * an {@link IllegalArgumentException} or {@link NullPointerException} whose message names the parameter;
 * a refused build starts no thread and leaves a running pool as it was. The {@code betapool.*}
 * properties are checked in the starter ({@code InvalidBetaPoolPropertyFailureAnalyzerTests}).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BadInputTests {

	/** The prefix of every pool these tests try to build; none may ever start a thread. */
	private static final String REFUSED = "bad-input-refused-";

	private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

	private static final Class<NullPointerException> NPE = NullPointerException.class;

	static Stream<Arguments> invalidArguments() {
		return Stream.of(
				// the executor's builder
				row("minWorkers 0", builder((b) -> b.minWorkers(0)), IAE, "minWorkers"),
				row("minWorkers -1", builder((b) -> b.minWorkers(-1)), IAE, "minWorkers"),
				row("minWorkers Integer.MIN_VALUE", builder((b) -> b.minWorkers(Integer.MIN_VALUE)), IAE, "minWorkers"),
				row("maxWorkers below minWorkers", builder((b) -> b.minWorkers(4).maxWorkers(3)), IAE, "maxWorkers"),
				row("maxWorkers 0", builder((b) -> b.maxWorkers(0)), IAE, "maxWorkers"),
				row("maxWorkers below the default minWorkers", builder((b) -> b.maxWorkers(3)), IAE, "maxWorkers"),
				row("queueCapacity 0", builder((b) -> b.queueCapacity(0)), IAE, "queueCapacity"),
				row("queueCapacity -1", builder((b) -> b.queueCapacity(-1)), IAE, "queueCapacity"),
				row("queueCapacity Integer.MIN_VALUE", builder((b) -> b.queueCapacity(Integer.MIN_VALUE)), IAE,
						"queueCapacity"),
				row("threadNamePrefix empty", () -> AdaptiveThreadPoolExecutor.builder().threadNamePrefix("").build(),
						IAE, "threadNamePrefix"),
				row("threadNamePrefix blank", () -> AdaptiveThreadPoolExecutor.builder().threadNamePrefix(" \t").build(),
						IAE, "threadNamePrefix"),
				row("threadNamePrefix null", builder((b) -> b.threadNamePrefix(null)), NPE, "threadNamePrefix"),
				row("config null", builder((b) -> b.config(null)), NPE, "config"),
				row("rejectedExecutionHandler null", builder((b) -> b.rejectedExecutionHandler(null)), NPE,
						"rejectedExecutionHandler"),
				row("taskMetricsListener null", builder((b) -> b.taskMetricsListener(null)), NPE,
						"taskMetricsListener"),
				row("threadFactory null", builder((b) -> b.threadFactory(null)), NPE, "threadFactory"),
				// the executors' constructors
				row("new AdaptiveThreadPoolExecutor(0, 4)", () -> new AdaptiveThreadPoolExecutor(0, 4), IAE,
						"minWorkers"),
				row("new AdaptiveThreadPoolExecutor(4, 3)", () -> new AdaptiveThreadPoolExecutor(4, 3), IAE,
						"maxWorkers"),
				row("new AdaptiveThreadPoolExecutor(0, 4, config)",
						() -> new AdaptiveThreadPoolExecutor(0, 4, ControllerConfig.defaults()), IAE, "minWorkers"),
				row("new AdaptiveThreadPoolExecutor(1, 2, null)", () -> new AdaptiveThreadPoolExecutor(1, 2, null), NPE,
						"config"),
				row("new StaticThreadPoolExecutor(0)", () -> new StaticThreadPoolExecutor(0), IAE, "workers"),
				row("new StaticThreadPoolExecutor(-1)", () -> new StaticThreadPoolExecutor(-1), IAE, "workers"),
				// the controller's configuration
				row("monitorInterval null", config((c) -> c.monitorInterval(null)), NPE, "monitorInterval"),
				row("monitorInterval zero", config((c) -> c.monitorInterval(Duration.ZERO)), IAE, "monitorInterval"),
				row("monitorInterval negative", config((c) -> c.monitorInterval(Duration.ofMillis(-1))), IAE,
						"monitorInterval"),
				row("betaHighThreshold below 0", config((c) -> c.betaHighThreshold(-0.01)), IAE, "betaHighThreshold"),
				row("betaHighThreshold above 1", config((c) -> c.betaHighThreshold(1.01)), IAE, "betaHighThreshold"),
				row("betaHighThreshold NaN", config((c) -> c.betaHighThreshold(Double.NaN)), IAE, "betaHighThreshold"),
				row("betaHighThreshold infinite", config((c) -> c.betaHighThreshold(Double.POSITIVE_INFINITY)), IAE,
						"betaHighThreshold"),
				row("betaLowThreshold below 0", config((c) -> c.betaLowThreshold(-0.01)), IAE, "betaLowThreshold"),
				row("betaLowThreshold NaN", config((c) -> c.betaLowThreshold(Double.NaN)), IAE, "betaLowThreshold"),
				row("betaLowThreshold above betaHighThreshold", config((c) -> c.betaLowThreshold(0.8)), IAE,
						"betaLowThreshold"),
				row("scaleUpStep 0", config((c) -> c.scaleUpStep(0)), IAE, "scaleUpStep"),
				row("scaleUpStep -1", config((c) -> c.scaleUpStep(-1)), IAE, "scaleUpStep"),
				row("scaleDownStep 0", config((c) -> c.scaleDownStep(0)), IAE, "scaleDownStep"),
				row("cpuUpperThreshold below 0", config((c) -> c.cpuUpperThreshold(-1)), IAE, "cpuUpperThreshold"),
				row("cpuUpperThreshold above 100", config((c) -> c.cpuUpperThreshold(100.1)), IAE, "cpuUpperThreshold"),
				row("cpuUpperThreshold NaN", config((c) -> c.cpuUpperThreshold(Double.NaN)), IAE, "cpuUpperThreshold"),
				row("cpuLowerThreshold below 0", config((c) -> c.cpuLowerThreshold(-1)), IAE, "cpuLowerThreshold"),
				row("cpuLowerThreshold NaN", config((c) -> c.cpuLowerThreshold(Double.NaN)), IAE, "cpuLowerThreshold"),
				row("cpuLowerThreshold above cpuUpperThreshold", config((c) -> c.cpuLowerThreshold(90)), IAE,
						"cpuLowerThreshold"),
				row("stabilizationWindow null", config((c) -> c.stabilizationWindow(null)), NPE, "stabilizationWindow"),
				row("stabilizationWindow negative", config((c) -> c.stabilizationWindow(Duration.ofNanos(-1))), IAE,
						"stabilizationWindow"),
				row("warmupTaskCount -1", config((c) -> c.warmupTaskCount(-1)), IAE, "warmupTaskCount"),
				row("policy null", config((c) -> c.policy(null)), NPE, "policy"),
				row("decisionHistorySize 0", config((c) -> c.decisionHistorySize(0)), IAE, "decisionHistorySize"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidArguments")
	void anInvalidArgumentIsRefusedNamingTheParameterAndStartsNoThread(String description, ThrowingCallable attempt,
			Class<? extends RuntimeException> type, String parameter) {
		Set<Thread> before = liveThreads();
		assertThatExceptionOfType(type).isThrownBy(attempt).withMessageContaining(parameter);
		assertThat(newPoolThreads(before)).isEmpty();
	}

	@Test
	void refusedBuildsLeaveARunningPoolUnchanged() throws Exception {
		ControllerConfig config = ControllerConfig.builder()
			.policy(Policy.SEED)
			.monitorInterval(Duration.ofMillis(50))
			.build();
		AdaptiveThreadPoolExecutor running = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(2)
			.maxWorkers(6)
			.queueCapacity(100)
			.threadNamePrefix("bad-input-running-")
			.config(config)
			.build();
		try {
			Gate gate = new Gate(1);
			running.execute(gate.task("running"));
			gate.awaitStarted();
			Future<String> queued = running.submit(() -> "queued");
			String before = state(running);
			Set<Thread> threadsBefore = liveThreads();

			List<Arguments> rows = invalidArguments().toList();
			for (Arguments row : rows) {
				ThrowingCallable attempt = (ThrowingCallable) row.get()[1];
				assertThatCode(attempt).as("%s", row.get()[0]).isInstanceOf(RuntimeException.class);
			}
			// and the running pool's own methods, given invalid arguments
			assertThatNullPointerException().isThrownBy(() -> running.map(null, List.of(1))).withMessageContaining("fn");
			assertThatNullPointerException().isThrownBy(() -> running.map(Function.identity(), null))
				.withMessageContaining("inputs");
			assertThatNullPointerException().isThrownBy(() -> running.map(Function.identity(), List.of(1), null))
				.withMessageContaining("timeout");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> running.map(Function.identity(), List.of(1), Duration.ofMillis(-1)))
				.withMessageContaining("timeout");
			assertThatNullPointerException().isThrownBy(() -> running.getDecisionCount(null))
				.withMessageContaining("action");
			assertThatNullPointerException().isThrownBy(() -> running.awaitTermination(1, null))
				.withMessageContaining("unit");
			assertThatNullPointerException().isThrownBy(() -> running.execute(null)).withMessageContaining("command");
			assertThatNullPointerException().isThrownBy(() -> running.submit((Callable<String>) null))
				.withMessageContaining("task");

			assertThat(newPoolThreads(threadsBefore)).as("threads started by refused builds").isEmpty();
			assertThat(state(running)).isEqualTo(before);
			assertThat(running.getConfig()).isSameAs(config);
			assertThat(running.isShutdown()).isFalse();
			gate.open();
			assertThat(queued.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("queued");
			assertThat(running.submit(() -> "still serving").get(LONG_DELAY_MS, MILLISECONDS))
				.isEqualTo("still serving");
		}
		finally {
			running.shutdown();
			assertThat(running.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
	}

	@Test
	void aMonitorIntervalTooLongToCountInNanosecondsIsRefusedNamingTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> AdaptiveThreadPoolExecutor.builder()
			.threadNamePrefix(REFUSED)
			.config(ControllerConfig.builder().monitorInterval(Duration.ofSeconds(Long.MAX_VALUE)).build())
			.build()).withMessageContaining("monitorInterval");
	}

	@Test
	void aStabilizationWindowTooLongToCountInNanosecondsIsRefusedNamingTheParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ControllerConfig.builder().stabilizationWindow(Duration.ofSeconds(Long.MAX_VALUE)).build())
			.withMessageContaining("stabilizationWindow");
	}

	@Test
	void aLargeQueueCapacityCostsNothingUntilTasksAreQueued() throws Exception {
		AdaptiveThreadPoolExecutor executor = AdaptiveThreadPoolExecutor.builder()
			.threadNamePrefix("bad-input-large-queue-")
			.queueCapacity(Integer.MAX_VALUE - 1)
			.build();
		try {
			assertThat(executor.getQueueCapacity()).isEqualTo(Integer.MAX_VALUE - 1);
			assertThat(executor.submit(() -> "served").get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("served");
		}
		finally {
			executor.shutdown();
			assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
	}

	private static String state(AdaptiveThreadPoolExecutor executor) {
		return "min=" + executor.getMinWorkers() + ", max=" + executor.getMaxWorkers() + ", target="
				+ executor.getTargetPoolSize() + ", threads=" + executor.getCurrentThreadCount() + ", queue="
				+ executor.getQueueCapacity() + ", prefix=" + executor.getThreadNamePrefix() + ", config="
				+ executor.getConfig() + ", scale-ups=" + executor.getDecisionCount(ScalingAction.SCALE_UP)
				+ ", scale-downs=" + executor.getDecisionCount(ScalingAction.SCALE_DOWN);
	}

	private static Arguments row(String description, ThrowingCallable attempt, Class<? extends RuntimeException> type,
			String parameter) {
		return Arguments.of(description, attempt, type, parameter);
	}

	/** Builds an executor from the defaults, changed as given, with threads that would be named {@link #REFUSED}. */
	private static ThrowingCallable builder(UnaryOperator<AdaptiveThreadPoolExecutor.Builder> change) {
		return () -> change.apply(AdaptiveThreadPoolExecutor.builder().threadNamePrefix(REFUSED)).build();
	}

	/** Builds a configuration from the defaults, changed as given, and an executor with it. */
	private static ThrowingCallable config(UnaryOperator<ControllerConfig.Builder> change) {
		return () -> AdaptiveThreadPoolExecutor.builder()
			.threadNamePrefix(REFUSED)
			.config(change.apply(ControllerConfig.builder()).build())
			.build();
	}

	private static Set<Thread> liveThreads() {
		return new HashSet<>(Thread.getAllStackTraces().keySet());
	}

	/** Threads started since {@code before} that a pool would start: workers and controllers of any pool. */
	private static Set<String> newPoolThreads(Set<Thread> before) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !before.contains(thread))
			.map(Thread::getName)
			.filter((name) -> name.startsWith(REFUSED) || name.startsWith("betapool-"))
			.collect(Collectors.toSet());
	}

}
