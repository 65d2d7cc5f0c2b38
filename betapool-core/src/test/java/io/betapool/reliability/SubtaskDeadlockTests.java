package io.betapool.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.logging.Logger;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.Policy;
import io.betapool.PoolKind;
import io.betapool.ScalingAction;
import io.betapool.StaticThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY;
import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.SHORT_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.await;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 9: tasks that wait on subtasks of the same pool. A pool at its maximum cannot grow to run the
 * subtasks, and like any {@link java.util.concurrent.ThreadPoolExecutor} it would deadlock on untimed
 * waits. It is never silent: the controller reports a possible deadlock (a WARNING on logger
 * {@code io.betapool} and, for the adaptive executor, a HOLD decision saying so), and a timed
 * {@code get()} bounds the wait. Below its maximum the adaptive executor grows out of it, once its
 * warm-up is over; during the warm-up it does not (a known bug, its test disabled).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SubtaskDeadlockTests {

	private static final int PARENTS = 2;

	private final Logger logger = Logger.getLogger("io.betapool");

	/** Warnings with the name of the thread that logged them: a controller thread names its pool. */
	private final Queue<String> warnings = new ConcurrentLinkedQueue<>();

	private final Handler capture = new Handler() {

		@Override
		public void publish(LogRecord record) {
			if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
				SubtaskDeadlockTests.this.warnings
					.add(Thread.currentThread().getName() + ": " + new SimpleFormatter().formatMessage(record));
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	private final List<ExecutorService> executors = new ArrayList<>();

	@BeforeEach
	void captureWarnings() {
		this.logger.addHandler(this.capture);
	}

	@AfterEach
	void stopCapturingAndExecutors() throws InterruptedException {
		this.logger.removeHandler(this.capture);
		for (ExecutorService executor : this.executors) {
			executor.shutdownNow();
			assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
	}

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void waitingOnSubtasksInAPoolAtItsMaximumIsReportedAsAPossibleDeadlockAndBoundedByATimedGet(PoolKind kind)
			throws Exception {
		ExecutorService executor = atItsMaximum(kind);
		AtomicBoolean giveUp = new AtomicBoolean();
		AtomicInteger timeouts = new AtomicInteger();
		CountDownLatch parentsRunning = new CountDownLatch(PARENTS);
		List<Future<Future<String>>> parents = new ArrayList<>();
		for (int i = 0; i < PARENTS; i++) {
			int parent = i;
			parents.add(executor.submit(() -> {
				Future<String> child = submitChildWhenAllRun(executor, parentsRunning, parent);
				// a timed get bounds the wait: the parent gives up once the test has seen the report
				long deadline = System.nanoTime() + MILLISECONDS.toNanos(LONG_DELAY_MS);
				while (!giveUp.get() && deadline - System.nanoTime() > 0) {
					try {
						child.get(SHORT_DELAY_MS, MILLISECONDS);
						break;
					}
					catch (TimeoutException ex) {
						timeouts.incrementAndGet();
					}
				}
				return child;
			}));
		}
		String controller = threadNamePrefix(executor) + "controller";
		await().atMost(LONG_DELAY).until(() -> possibleDeadlocks(controller).size() > 0);
		String warning = possibleDeadlocks(controller).get(0);
		assertThat(warning).startsWith("Possible deadlock: all 2 workers have been busy for at least")
			.contains("while 2 tasks wait")
			.contains("maximum of 2 threads");
		if (executor instanceof AdaptiveThreadPoolExecutor adaptive) {
			// the controller logs the warning a moment before it records the decision
			await().atMost(LONG_DELAY)
				.until(() -> adaptive.getDecisionHistory().stream().anyMatch((d) -> d.reason().equals(warning)));
			assertThat(adaptive.getPossibleDeadlockCount()).isOne();
			assertThat(adaptive.getDecisionHistory()).filteredOn((decision) -> decision.reason().equals(warning))
				.singleElement()
				.satisfies((decision) -> {
					assertThat(decision.action()).isEqualTo(ScalingAction.HOLD);
					assertThat(decision.threadsAfter()).isEqualTo(2);
				});
			assertThat(adaptive.getDecisionHistory()).allMatch((decision) -> decision.threadsAfter() <= 2);
		}
		assertThat(PoolKind.threadCount(executor)).isEqualTo(2);

		giveUp.set(true);
		for (int i = 0; i < PARENTS; i++) {
			Future<String> child = parents.get(i).get(LONG_DELAY_MS, MILLISECONDS);
			assertThat(child.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("child of " + i);
		}
		assertThat(timeouts.get()).as("timed waits that timed out").isGreaterThanOrEqualTo(PARENTS);
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(Policy.class)
	void belowItsMaximumTheAdaptiveExecutorGrowsSoThatTasksWaitingOnSubtasksFinish(Policy policy) throws Exception {
		ExecutorService executor = started(AdaptiveThreadPoolExecutor.builder()
			.minWorkers(2)
			.maxWorkers(8)
			.threadNamePrefix("subtasks-grow-")
			.config(ControllerConfig.builder()
				.policy(policy)
				.monitorInterval(Duration.ofMillis(50))
				.stabilizationWindow(Duration.ZERO)
				.build())
			.build());
		// leave the warm-up behind
		for (int i = 0; i < ControllerConfig.DEFAULT_WARMUP_TASK_COUNT; i++) {
			executor.submit(() -> "warm-up").get(LONG_DELAY_MS, MILLISECONDS);
		}
		CountDownLatch parentsRunning = new CountDownLatch(PARENTS);
		List<Future<String>> parents = new ArrayList<>();
		for (int i = 0; i < PARENTS; i++) {
			int parent = i;
			parents.add(executor.submit(() -> submitChildWhenAllRun(executor, parentsRunning, parent)
				.get(LONG_DELAY_MS, MILLISECONDS)));
		}
		for (int i = 0; i < PARENTS; i++) {
			assertThat(parents.get(i).get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("child of " + i);
		}
		// the controller applies a decision before it records it: the history may lag the growth a moment
		AdaptiveThreadPoolExecutor adaptive = (AdaptiveThreadPoolExecutor) executor;
		await().atMost(LONG_DELAY).until(() -> adaptive.getDecisionCount(ScalingAction.SCALE_UP) > 0);
		assertThat(adaptive.getDecisionHistory()).anyMatch((decision) -> decision.action() == ScalingAction.SCALE_UP);
	}

	@ParameterizedTest
	@EnumSource(Policy.class)
	void waitingOnSubtasksDuringTheWarmUpBelowTheMaximumIsNotASilentDeadlock(Policy policy) throws Exception {
		ExecutorService executor = started(AdaptiveThreadPoolExecutor.builder()
			.minWorkers(2)
			.maxWorkers(8)
			.threadNamePrefix("subtasks-warm-up-")
			.config(ControllerConfig.builder()
				.policy(policy)
				.monitorInterval(Duration.ofMillis(50))
				.stabilizationWindow(Duration.ZERO)
				.build())
			.build());
		CountDownLatch parentsRunning = new CountDownLatch(PARENTS);
		List<Future<String>> parents = new ArrayList<>();
		for (int i = 0; i < PARENTS; i++) {
			int parent = i;
			// the parents' own bound is longer than the test's, so that only growth or a report can pass it
			parents.add(executor.submit(() -> submitChildWhenAllRun(executor, parentsRunning, parent)
				.get(2 * LONG_DELAY_MS, MILLISECONDS)));
		}
		await().atMost(LONG_DELAY)
			.until(() -> parents.stream().allMatch(Future::isDone)
					|| !possibleDeadlocks("subtasks-warm-up-controller").isEmpty());
		if (possibleDeadlocks("subtasks-warm-up-controller").isEmpty()) {
			for (int i = 0; i < PARENTS; i++) {
				assertThat(parents.get(i).get(0, MILLISECONDS)).isEqualTo("child of " + i);
			}
		}
	}

	/** Submits a parent's child once every parent runs, so that no child can take a parent's thread. */
	private static Future<String> submitChildWhenAllRun(ExecutorService executor, CountDownLatch parentsRunning,
			int parent) throws InterruptedException {
		parentsRunning.countDown();
		await(parentsRunning);
		return executor.submit(() -> "child of " + parent);
	}

	private ExecutorService atItsMaximum(PoolKind kind) {
		ControllerConfig fast = ControllerConfig.builder()
			.monitorInterval(Duration.ofMillis(20))
			.warmupTaskCount(0)
			.stabilizationWindow(Duration.ZERO)
			.policy((kind == PoolKind.SEED) ? Policy.SEED : Policy.ADAPTIVE)
			.build();
		return started((kind == PoolKind.STATIC) ? new StaticThreadPoolExecutor(2)
				: AdaptiveThreadPoolExecutor.builder()
					.minWorkers(2)
					.maxWorkers(2)
					.threadNamePrefix("subtasks-" + kind + "-")
					.config(fast)
					.build());
	}

	private ExecutorService started(ExecutorService executor) {
		this.executors.add(executor);
		return executor;
	}

	/**
	 * The possible-deadlock warnings the given controller thread logged, without the thread's name and
	 * without the pool's name the warning ends with: the reason the decision records.
	 */
	private List<String> possibleDeadlocks(String controllerThread) {
		String prefix = controllerThread + ": Possible deadlock";
		return this.warnings.stream()
			.filter((warning) -> warning.startsWith(prefix))
			.map((warning) -> warning.substring(controllerThread.length() + 2).replaceFirst(" \\[executor '[^']*'\\]$", ""))
			.toList();
	}

	private static String threadNamePrefix(ExecutorService executor) {
		return (executor instanceof AdaptiveThreadPoolExecutor adaptive) ? adaptive.getThreadNamePrefix()
				: PoolKind.STATIC.threadNamePrefix;
	}

}
