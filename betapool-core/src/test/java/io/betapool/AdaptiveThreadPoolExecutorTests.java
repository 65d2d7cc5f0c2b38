package io.betapool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY;
import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static io.betapool.ConcurrencyTestSupport.SHORT_DELAY;
import static io.betapool.ConcurrencyTestSupport.await;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * What the adaptive executor adds to the {@link java.util.concurrent.ExecutorService} contract:
 * validation, defaults, thread names, bounded queues and rejection handlers, {@code map}, metrics,
 * the decision history and per-task metrics. The contract itself is in {@link ExecutorContractTests}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AdaptiveThreadPoolExecutorTests {

	private final List<AdaptiveThreadPoolExecutor> executors = new ArrayList<>();

	private AdaptiveThreadPoolExecutor started(AdaptiveThreadPoolExecutor executor) {
		this.executors.add(executor);
		return executor;
	}

	@AfterEach
	void shutDownEveryExecutor() throws InterruptedException {
		for (AdaptiveThreadPoolExecutor executor : this.executors) {
			ConcurrencyTestSupport.shutdownNowAndAwait(executor);
		}
	}

	// validation

	@Test
	void minWorkersBelowOneIsRefusedNamingTheParameterAndTheValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> started(AdaptiveThreadPoolExecutor.builder().minWorkers(0).build()))
			.withMessageContaining("minWorkers")
			.withMessageContaining("0");
		assertThatIllegalArgumentException().isThrownBy(() -> started(new AdaptiveThreadPoolExecutor(-3, 8)))
			.withMessageContaining("minWorkers")
			.withMessageContaining("-3");
	}

	@Test
	void maxWorkersBelowMinWorkersIsRefusedNamingTheParameterAndTheValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> started(AdaptiveThreadPoolExecutor.builder().minWorkers(4).maxWorkers(2).build()))
			.withMessageContaining("maxWorkers")
			.withMessageContaining("2");
		assertThatIllegalArgumentException().isThrownBy(() -> started(new AdaptiveThreadPoolExecutor(5, 3)))
			.withMessageContaining("maxWorkers")
			.withMessageContaining("3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> started(new AdaptiveThreadPoolExecutor(9, 7, ControllerConfig.defaults())))
			.withMessageContaining("maxWorkers")
			.withMessageContaining("7");
	}

	@Test
	void aQueueCapacityBelowOneIsRefusedNamingTheParameterAndTheValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> started(AdaptiveThreadPoolExecutor.builder().queueCapacity(0).build()))
			.withMessageContaining("queueCapacity")
			.withMessageContaining("0");
	}

	@Test
	void aBlankThreadNamePrefixIsRefusedNamingTheParameterAndTheValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> started(AdaptiveThreadPoolExecutor.builder().threadNamePrefix(" \t").build()))
			.withMessageContaining("threadNamePrefix")
			.withMessageContaining("' \t'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> started(AdaptiveThreadPoolExecutor.builder().threadNamePrefix("").build()))
			.withMessageContaining("threadNamePrefix");
		assertThatNullPointerException().isThrownBy(() -> AdaptiveThreadPoolExecutor.builder().threadNamePrefix(null))
			.withMessageContaining("threadNamePrefix");
	}

	@Test
	void aNullConfigIsRefusedNamingTheParameter() {
		assertThatNullPointerException().isThrownBy(() -> started(new AdaptiveThreadPoolExecutor(1, 2, null)))
			.withMessageContaining("config");
		assertThatNullPointerException().isThrownBy(() -> AdaptiveThreadPoolExecutor.builder().config(null))
			.withMessageContaining("config");
	}

	@Test
	void aNullRejectedExecutionHandlerOrTaskMetricsListenerIsRefusedNamingTheParameter() {
		assertThatNullPointerException()
			.isThrownBy(() -> AdaptiveThreadPoolExecutor.builder().rejectedExecutionHandler(null))
			.withMessageContaining("rejectedExecutionHandler");
		assertThatNullPointerException()
			.isThrownBy(() -> AdaptiveThreadPoolExecutor.builder().taskMetricsListener(null))
			.withMessageContaining("taskMetricsListener");
	}

	@Test
	void anInvalidBuilderStartsNoThread() {
		String prefix = "never-started-";
		AdaptiveThreadPoolExecutor.Builder invalid = AdaptiveThreadPoolExecutor.builder()
			.threadNamePrefix(prefix)
			.minWorkers(3)
			.maxWorkers(1);
		assertThatIllegalArgumentException().isThrownBy(() -> started(invalid.build()));
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	// defaults and names

	@Test
	void theNoArgumentConstructorAndTheBuilderHaveTheSeedDefaults() {
		for (AdaptiveThreadPoolExecutor executor : List.of(started(new AdaptiveThreadPoolExecutor()),
				started(AdaptiveThreadPoolExecutor.builder().build()))) {
			assertThat(executor.getMinWorkers()).isEqualTo(4);
			assertThat(executor.getMaxWorkers()).isEqualTo(64);
			assertThat(executor.getConfig()).isEqualTo(ControllerConfig.defaults());
			assertThat(executor.getConfig().policy()).isEqualTo(Policy.ADAPTIVE);
			assertThat(executor.getQueueCapacity()).isEqualTo(Integer.MAX_VALUE);
			assertThat(executor.getThreadNamePrefix()).isEqualTo("betapool-");
			PoolMetrics metrics = executor.getMetrics();
			assertThat(metrics.minWorkers()).isEqualTo(4);
			assertThat(metrics.maxWorkers()).isEqualTo(64);
		}
	}

	@Test
	void theConstructorsKeepTheirBoundsAndConfig() {
		ControllerConfig seed = ControllerConfig.builder().policy(Policy.SEED).build();
		AdaptiveThreadPoolExecutor bounded = started(new AdaptiveThreadPoolExecutor(2, 8));
		AdaptiveThreadPoolExecutor configured = started(new AdaptiveThreadPoolExecutor(3, 5, seed));
		assertThat(bounded.getMinWorkers()).isEqualTo(2);
		assertThat(bounded.getMaxWorkers()).isEqualTo(8);
		assertThat(bounded.getConfig()).isEqualTo(ControllerConfig.defaults());
		assertThat(configured.getMinWorkers()).isEqualTo(3);
		assertThat(configured.getMaxWorkers()).isEqualTo(5);
		assertThat(configured.getConfig()).isSameAs(seed);
	}

	@Test
	void threadsAreNamedFromTheThreadNamePrefix() throws InterruptedException {
		String prefix = "orders-";
		AdaptiveThreadPoolExecutor executor = started(
				AdaptiveThreadPoolExecutor.builder().threadNamePrefix(prefix).minWorkers(2).maxWorkers(2).build());
		CountDownLatch bothRunning = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		Set<String> names = ConcurrentHashMap.newKeySet();
		for (int i = 0; i < 2; i++) {
			executor.execute(() -> {
				names.add(Thread.currentThread().getName());
				bothRunning.countDown();
				awaitQuietly(release);
			});
		}
		await(bothRunning);
		assertThat(names).hasSize(2).allMatch((name) -> name.matches("orders-\\d+"));
		assertThat(liveThreadsNamed(prefix).stream().map(Thread::getName)).contains("orders-controller")
			.containsAll(names);
		release.countDown();
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(liveThreadsNamed(prefix)).isEmpty();
	}

	// bounded queue and rejection

	@Test
	void aFullBoundedQueueRejectsTheNextTaskWithRejectedExecutionException() throws Exception {
		AdaptiveThreadPoolExecutor executor = started(
				AdaptiveThreadPoolExecutor.builder().minWorkers(1).maxWorkers(1).queueCapacity(1).build());
		Saturation saturation = Saturation.of(executor);
		AtomicInteger thirdRan = new AtomicInteger();
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> executor.execute(thirdRan::incrementAndGet));
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> executor.submit(thirdRan::incrementAndGet));
		assertThat(executor.getQueueCapacity()).isEqualTo(1);
		saturation.release();
		assertThat(saturation.queued.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("queued");
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(thirdRan).hasValue(0);
	}

	@Test
	void callerRunsPolicyRunsTheRefusedTaskInTheCaller() throws Exception {
		AdaptiveThreadPoolExecutor executor = started(AdaptiveThreadPoolExecutor.builder()
			.minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(1)
			.rejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy())
			.build());
		Saturation saturation = Saturation.of(executor);
		AtomicReference<Thread> ranOn = new AtomicReference<>();
		executor.execute(() -> ranOn.set(Thread.currentThread()));
		assertThat(ranOn.get()).isSameAs(Thread.currentThread());
		Future<Thread> submitted = executor.submit(Thread::currentThread);
		assertThat(submitted.isDone()).isTrue();
		assertThat(submitted.get()).isSameAs(Thread.currentThread());
		saturation.release();
		assertThat(saturation.queued.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("queued");
	}

	@Test
	void discardPolicyCancelsTheFutureOfADiscardedSubmitInsteadOfLeavingItPending() throws Exception {
		AdaptiveThreadPoolExecutor executor = started(AdaptiveThreadPoolExecutor.builder()
			.minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(1)
			.rejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy())
			.build());
		Saturation saturation = Saturation.of(executor);
		AtomicInteger discardedRan = new AtomicInteger();
		Future<Integer> discarded = executor.submit(discardedRan::incrementAndGet);
		executor.execute(discardedRan::incrementAndGet);
		assertThat(discarded.isCancelled()).isTrue();
		assertThat(discarded.isDone()).isTrue();
		assertThatExceptionOfType(CancellationException.class)
			.isThrownBy(() -> discarded.get(LONG_DELAY_MS, MILLISECONDS));
		saturation.release();
		assertThat(saturation.queued.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("queued");
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(discardedRan).hasValue(0);
	}

	@Test
	void discardOldestPolicyCancelsTheFutureOfTheDiscardedQueuedTaskAndRunsTheNewOne() throws Exception {
		AdaptiveThreadPoolExecutor executor = started(AdaptiveThreadPoolExecutor.builder()
			.minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(1)
			.rejectedExecutionHandler(new ThreadPoolExecutor.DiscardOldestPolicy())
			.build());
		Saturation saturation = Saturation.of(executor);
		Future<String> newest = executor.submit(() -> "newest");
		assertThat(saturation.queued.isCancelled()).isTrue();
		saturation.release();
		assertThat(newest.get(LONG_DELAY_MS, MILLISECONDS)).isEqualTo("newest");
		assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> saturation.queued.get());
	}

	@Test
	void tasksAreRejectedAfterShutdownWhateverTheHandler() {
		AdaptiveThreadPoolExecutor executor = started(AdaptiveThreadPoolExecutor.builder()
			.minWorkers(1)
			.maxWorkers(1)
			.rejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy())
			.build());
		executor.shutdown();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.submit(() -> "late"));
	}

	// map

	@Test
	void mapReturnsTheResultsInInputOrder() throws Exception {
		AdaptiveThreadPoolExecutor executor = started(new AdaptiveThreadPoolExecutor(2, 4));
		List<Integer> inputs = IntStream.range(0, 200).boxed().toList();
		List<String> results = executor.map((i) -> "r" + i, inputs);
		assertThat(results).containsExactlyElementsOf(inputs.stream().map((i) -> "r" + i).toList());
		assertThat(executor.map((i) -> "r" + i, inputs, LONG_DELAY)).containsExactlyElementsOf(results);
		assertThat(executor.map((Integer i) -> i, List.of())).isEmpty();
	}

	@Test
	void mapPropagatesTheFirstFailureInInputOrderAsTheOriginalException() throws Exception {
		AdaptiveThreadPoolExecutor executor = started(new AdaptiveThreadPoolExecutor(2, 2));
		IllegalStateException first = new IllegalStateException("first input failed");
		IllegalArgumentException second = new IllegalArgumentException("second input failed");
		CountDownLatch secondFailing = new CountDownLatch(1);
		Function<Integer, String> fn = (i) -> {
			if (i == 1) {
				secondFailing.countDown();
				throw second;
			}
			// the second input fails first in time; the first one still wins, by input order
			awaitQuietly(secondFailing);
			throw first;
		};
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> executor.map(fn, List.of(0, 1)))
			.isSameAs(first);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> executor.map(fn, List.of(0, 1), LONG_DELAY))
			.isSameAs(first);
	}

	@Test
	void mapCancelsTheUnfinishedRestAfterAFailure() throws Exception {
		AdaptiveThreadPoolExecutor executor = started(new AdaptiveThreadPoolExecutor(2, 2));
		RuntimeException failure = new IllegalStateException("input 0 failed");
		CountDownLatch secondStarted = new CountDownLatch(1);
		Blocked blocked = new Blocked();
		Function<Integer, Integer> fn = (i) -> {
			if (i == 0) {
				awaitQuietly(secondStarted);
				throw failure;
			}
			if (i == 1) {
				secondStarted.countDown();
			}
			return blocked.apply(i);
		};
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> executor.map(fn, List.of(0, 1, 2, 3)))
			.isSameAs(failure);
		// nothing opens the gate: the pool terminates only if every unfinished task was cancelled
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(blocked.finished).isEmpty();
		assertThat(blocked.started).contains(1);
		assertThat(blocked.interrupted).containsExactlyInAnyOrderElementsOf(blocked.started);
	}

	@Test
	void mapWithATimeoutThrowsTimeoutExceptionAndCancelsTheUnfinishedTasks() throws Exception {
		AdaptiveThreadPoolExecutor executor = started(new AdaptiveThreadPoolExecutor(2, 2));
		Blocked blocked = new Blocked();
		Function<Integer, Integer> fn = (i) -> (i == 0) ? 0 : blocked.apply(i);
		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> executor.map(fn, List.of(0, 1, 2), SHORT_DELAY));
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		assertThat(blocked.finished).isEmpty();
		assertThat(blocked.interrupted).containsExactlyInAnyOrderElementsOf(blocked.started);
	}

	@Test
	void mapRefusesANegativeTimeout() {
		AdaptiveThreadPoolExecutor executor = started(new AdaptiveThreadPoolExecutor(1, 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> executor.map((Integer i) -> i, List.of(1), Duration.ofMillis(-1)))
			.withMessageContaining("timeout");
	}

	// metrics

	@Test
	void metricsReportTheTasksRunTheirThroughputAndTheirLatency() throws Exception {
		AdaptiveThreadPoolExecutor executor = started(new AdaptiveThreadPoolExecutor(2, 4));
		int tasks = 20;
		List<Callable<Integer>> sleepers = IntStream.range(0, tasks).<Callable<Integer>>mapToObj((i) -> () -> {
			Thread.sleep(5); // the workload: a task that blocks for 5 ms
			return i;
		}).toList();
		assertThat(executor.invokeAll(sleepers)).allMatch(Future::isDone);

		// figures are published once per 500 ms tick
		PoolMetrics metrics = await().atMost(LONG_DELAY)
			.pollInterval(Duration.ofMillis(20))
			.until(executor::getMetrics, (m) -> m.totalTasks() >= tasks && m.throughput() > 0
					&& !Double.isNaN(m.avgBlockingRatio()) && !m.p50Latency().isZero());

		assertThat(metrics.totalTasks()).isGreaterThanOrEqualTo(tasks);
		assertThat(metrics.throughput()).isPositive();
		assertThat(metrics.p50Latency()).isGreaterThanOrEqualTo(Duration.ofMillis(4));
		assertThat(metrics.p99Latency()).isGreaterThanOrEqualTo(metrics.p50Latency());
		assertThat(metrics.p99ExecutionTime()).isGreaterThanOrEqualTo(Duration.ofMillis(4));
		assertThat(metrics.avgBlockingRatio()).isBetween(0.0, 1.0);
		assertThat(metrics.avgBlockingRatio()).as("sleeping tasks mostly wait").isGreaterThan(0.5);
		assertThat(metrics.currentThreads()).isBetween(2, 4);
		assertThat(metrics.minWorkers()).isEqualTo(2);
		assertThat(metrics.maxWorkers()).isEqualTo(4);
		assertThat(metrics.queueSize()).isZero();
	}

	@Test
	void metricsAsMapHaveTheSeedKeys() {
		AdaptiveThreadPoolExecutor executor = started(new AdaptiveThreadPoolExecutor(3, 6));
		PoolMetrics metrics = executor.getMetrics();
		Map<String, Object> map = metrics.asMap();
		assertThat(map).containsKeys("current_threads", "avg_blocking_ratio", "throughput", "p50_latency",
				"p99_latency", "total_tasks");
		assertThat(map).containsEntry("current_threads", metrics.currentThreads())
			.containsEntry("total_tasks", metrics.totalTasks())
			.containsEntry("throughput", metrics.throughput())
			.containsEntry("min_workers", 3)
			.containsEntry("max_workers", 6);
		assertThat((double) map.get("p50_latency")).isCloseTo(metrics.p50Latency().toNanos() / 1e9, within(1e-12));
		assertThat((double) map.get("p99_latency")).isCloseTo(metrics.p99Latency().toNanos() / 1e9, within(1e-12));
	}

	// decisions

	@Test
	void theDecisionHistoryKeepsOnlyTheLatestDecisionsEachWithAReason() {
		ControllerConfig config = ControllerConfig.builder()
			.monitorInterval(Duration.ofMillis(10))
			.decisionHistorySize(5)
			.build();
		AdaptiveThreadPoolExecutor executor = started(new AdaptiveThreadPoolExecutor(1, 4, config));

		await().atMost(LONG_DELAY).pollInterval(Duration.ofMillis(10)).until(() -> totalDecisions(executor) > 20);

		List<ScalingDecision> history = executor.getDecisionHistory();
		assertThat(history).hasSize(5);
		assertThat(history).allSatisfy((decision) -> {
			assertThat(decision.reason()).isNotBlank();
			assertThat(decision.threadsAfter()).isBetween(1, 4);
		});
		for (int i = 1; i < history.size(); i++) {
			assertThat(history.get(i).timestamp()).isAfterOrEqualTo(history.get(i - 1).timestamp());
		}
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> history.clear());
	}

	private static long totalDecisions(AdaptiveThreadPoolExecutor executor) {
		long total = 0;
		for (ScalingAction action : ScalingAction.values()) {
			total += executor.getDecisionCount(action);
		}
		return total;
	}

	// task metrics

	@Test
	void theTaskMetricsListenerReceivesOneRecordPerTask() throws Exception {
		int sleepers = 4;
		int tasks = sleepers + 2;
		Queue<TaskMetrics> records = new ConcurrentLinkedQueue<>();
		Set<String> listenerThreads = ConcurrentHashMap.newKeySet();
		CountDownLatch recorded = new CountDownLatch(tasks);
		AdaptiveThreadPoolExecutor executor = started(AdaptiveThreadPoolExecutor.builder()
			.minWorkers(2)
			.maxWorkers(2)
			.threadNamePrefix("metered-")
			.taskMetricsListener((record) -> {
				records.add(record);
				listenerThreads.add(Thread.currentThread().getName());
				recorded.countDown();
			})
			.build());
		for (int i = 0; i < sleepers; i++) {
			executor.submit(() -> {
				Thread.sleep(20); // the workload: a task that blocks for 20 ms
				return "slept";
			});
		}
		executor.submit(() -> {
			throw new IllegalStateException("submitted task failed");
		});
		executor.execute(() -> {
			throw new IllegalArgumentException("executed task failed (expected by the test)");
		});
		await(recorded);
		executor.shutdown();
		assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();

		assertThat(records).hasSize(tasks);
		assertThat(records.stream().map(TaskMetrics::taskId).collect(Collectors.toSet())).hasSize(tasks);
		assertThat(records).allSatisfy((record) -> {
			assertThat(record.blockingRatio()).isBetween(0.0, 1.0);
			assertThat(record.timestamp()).isNotNull();
		});
		List<TaskMetrics> failures = records.stream().filter((record) -> !record.success()).toList();
		assertThat(failures).extracting(TaskMetrics::errorMessage)
			.hasSize(2)
			.anySatisfy((message) -> assertThat(message).contains("IllegalStateException", "submitted task failed"))
			.anySatisfy((message) -> assertThat(message).contains("IllegalArgumentException", "executed task failed"));
		List<TaskMetrics> successes = records.stream().filter(TaskMetrics::success).toList();
		assertThat(successes).hasSize(sleepers).allSatisfy((record) -> {
			assertThat(record.errorMessage()).isNull();
			assertThat(record.wallTime()).isGreaterThanOrEqualTo(Duration.ofMillis(19));
			assertThat(record.blockingRatio()).as("a sleeping task mostly waits").isGreaterThan(0.5);
		});
		assertThat(listenerThreads).allMatch((name) -> name.startsWith("metered-"));
	}

	// helpers

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			if (!latch.await(LONG_DELAY_MS, MILLISECONDS)) {
				throw new IllegalStateException("latch not opened within " + LONG_DELAY_MS + " ms");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted");
		}
	}

	/**
	 * A pool of one thread with a queue of one, made full: a running task that waits for
	 * {@link #release()} and a queued one.
	 */
	private static final class Saturation {

		private final CountDownLatch release = new CountDownLatch(1);

		private Future<String> queued;

		static Saturation of(AdaptiveThreadPoolExecutor executor) throws InterruptedException {
			Saturation saturation = new Saturation();
			CountDownLatch running = new CountDownLatch(1);
			executor.execute(() -> {
				running.countDown();
				awaitQuietly(saturation.release);
			});
			await(running);
			saturation.queued = executor.submit(() -> "queued");
			return saturation;
		}

		void release() {
			this.release.countDown();
		}

	}

	/**
	 * A function whose calls wait for a gate that never opens, recording which inputs started, were
	 * interrupted or (wrongly) finished.
	 */
	private static final class Blocked implements Function<Integer, Integer> {

		private final CountDownLatch never = new CountDownLatch(1);

		final Set<Integer> started = ConcurrentHashMap.newKeySet();

		final Set<Integer> interrupted = ConcurrentHashMap.newKeySet();

		final Set<Integer> finished = Collections.synchronizedSet(new java.util.HashSet<>());

		@Override
		public Integer apply(Integer input) {
			this.started.add(input);
			try {
				this.never.await();
			}
			catch (InterruptedException ex) {
				this.interrupted.add(input);
				throw new CancellationException("interrupted");
			}
			this.finished.add(input);
			return input;
		}

	}

}
