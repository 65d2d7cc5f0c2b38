package io.betapool.workload;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link WorkloadGenerator}. Sleeping tests assert lower bounds, which parking guarantees,
 * and only very loose upper bounds, because the machines running them are small and noisy.
 */
class WorkloadGeneratorTests {

	private static final long JOIN_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);

	private static final Duration LOOSE_UPPER_BOUND = Duration.ofSeconds(10);

	@Test
	void ioTaskBlocksForAboutItsDuration() throws Exception {
		long start = System.nanoTime();
		Duration blocked = WorkloadGenerator.ioTask(20.0).call();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(blocked).isGreaterThanOrEqualTo(Duration.ofMillis(20)).isLessThanOrEqualTo(elapsed);
		assertThat(elapsed).isLessThan(LOOSE_UPPER_BOUND);
	}

	@Test
	void ioTaskHonoursSubMillisecondDurations() throws Exception {
		assertThat(WorkloadGenerator.ioTask(0.5).call()).isGreaterThanOrEqualTo(Duration.ofNanos(500_000));
		assertThat(WorkloadGenerator.ioTask(0.0).call()).isGreaterThanOrEqualTo(Duration.ZERO);
	}

	@Test
	void ioTaskEndsWithInterruptedExceptionWhenItsThreadIsInterrupted() throws Exception {
		Callable<Duration> task = WorkloadGenerator.ioTask(TimeUnit.HOURS.toMillis(1));
		CountDownLatch started = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread thread = new Thread(() -> {
			started.countDown();
			try {
				task.call();
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});
		thread.start();
		started.await();
		thread.interrupt();
		thread.join(JOIN_TIMEOUT_MILLIS);
		assertThat(thread.isAlive()).isFalse();
		assertThat(failure.get()).isInstanceOf(InterruptedException.class);
	}

	@Test
	void ioTaskRejectsDurationsThatAreNegativeNaNOrInfinite() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.ioTask(-1.0))
			.withMessage("durationMs must be >= 0, but was -1.0");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.ioTask(Double.NaN))
			.withMessage("durationMs must be >= 0, but was NaN");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.ioTask(Double.POSITIVE_INFINITY))
			.withMessage("durationMs must be finite, but was Infinity");
	}

	@Test
	void cpuTaskReturnsAResultThatDependsOnEveryIteration() throws Exception {
		long result = WorkloadGenerator.cpuTask(100_000).call();
		assertThat(WorkloadGenerator.cpuTask(100_000).call()).isEqualTo(result);
		assertThat(WorkloadGenerator.cpuTask(99_999).call()).isNotEqualTo(result);
		assertThat(WorkloadGenerator.cpuTask(0).call()).isEqualTo(Work.SEED);
	}

	@Test
	void cpuTaskRejectsNegativeIterations() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.cpuTask(-1))
			.withMessage("iterations must be >= 0, but was -1");
	}

	@Test
	void cpuBurnTaskSpinsForAtLeastItsDuration() throws Exception {
		long start = System.nanoTime();
		WorkloadGenerator.cpuBurnTask(20.0).call();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(20)).isLessThan(LOOSE_UPPER_BOUND);
	}

	@Test
	void cpuBurnTaskRejectsNegativeDuration() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.cpuBurnTask(-0.5))
			.withMessage("durationMs must be >= 0, but was -0.5");
	}

	@Test
	void mixedTaskBlocksThenComputesWhatCpuTaskComputes() throws Exception {
		long start = System.nanoTime();
		long result = WorkloadGenerator.mixedTask(10.0, 5_000).call();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(result).isEqualTo(WorkloadGenerator.cpuTask(5_000).call());
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(10)).isLessThan(LOOSE_UPPER_BOUND);
	}

	@Test
	void mixedTaskValidationNamesTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.mixedTask(-2.0, 1))
			.withMessage("ioDurationMs must be >= 0, but was -2.0");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.mixedTask(1.0, -3))
			.withMessage("cpuIterations must be >= 0, but was -3");
	}

	@Test
	void ragPipelineTaskStagesSumToAboutItsTotal() throws Exception {
		long start = System.nanoTime();
		RagResult result = WorkloadGenerator.ragPipelineTask(2.0, 5.0, 10.0, 10_000, 20_000).call();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(result.network()).isGreaterThanOrEqualTo(Duration.ofMillis(2));
		assertThat(result.vectorSearch()).isGreaterThanOrEqualTo(Duration.ofMillis(5));
		assertThat(result.llm()).isGreaterThanOrEqualTo(Duration.ofMillis(10));
		assertThat(result.tokenization()).isPositive();
		assertThat(result.reranking()).isPositive();
		assertThat(result.io()).isEqualTo(result.network().plus(result.vectorSearch()).plus(result.llm()));
		assertThat(result.cpu()).isEqualTo(result.tokenization().plus(result.reranking()));
		assertThat(result.total()).isEqualTo(result.io().plus(result.cpu()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(17))
			.isLessThanOrEqualTo(elapsed);
		assertThat(elapsed).isLessThan(LOOSE_UPPER_BOUND);
	}

	@Test
	void ragPipelineTaskChecksumCoversBothCpuStages() throws Exception {
		long checksum = WorkloadGenerator.ragPipelineTask(0, 0, 0, 100, 200).call().checksum();
		assertThat(checksum).isEqualTo(Work.mix(Work.mix(Work.SEED, 100), 200));
		assertThat(WorkloadGenerator.ragPipelineTask(0, 0, 0).call().checksum())
			.isEqualTo(Work.mix(Work.mix(Work.SEED, 10_000), 20_000));
	}

	@Test
	void ragPipelineTaskValidationNamesTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.ragPipelineTask(-1, 0, 0, 0, 0))
			.withMessageStartingWith("networkLatencyMs must be >= 0");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.ragPipelineTask(0, Double.NaN, 0, 0, 0))
			.withMessage("vectorDbLatencyMs must be >= 0, but was NaN");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.ragPipelineTask(0, 0, -4, 0, 0))
			.withMessage("llmLatencyMs must be >= 0, but was -4.0");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.ragPipelineTask(0, 0, 0, -1, 0))
			.withMessage("tokenizationIterations must be >= 0, but was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.ragPipelineTask(0, 0, 0, 0, -1))
			.withMessage("rerankingIterations must be >= 0, but was -1");
	}

	@Test
	void ragResultRejectsMissingStages() {
		assertThatNullPointerException()
			.isThrownBy(() -> new RagResult(Duration.ZERO, Duration.ZERO, null, Duration.ZERO, Duration.ZERO, 0))
			.withMessage("vectorSearch");
	}

	@Test
	void fibonacciTaskComputesFibonacciNumbers() throws Exception {
		assertThat(WorkloadGenerator.fibonacciTask(0).call()).isZero();
		assertThat(WorkloadGenerator.fibonacciTask(1).call()).isOne();
		assertThat(WorkloadGenerator.fibonacciTask(10).call()).isEqualTo(55L);
		assertThat(WorkloadGenerator.fibonacciTask(25).call()).isEqualTo(75_025L);
	}

	@Test
	void fibonacciTaskRejectsNumbersOutsideTheRangeOfALong() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.fibonacciTask(-1))
			.withMessage("n must be >= 0, but was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.fibonacciTask(93))
			.withMessage("n must be <= 92, but was 93");
	}

	@Test
	void matrixTaskIsDeterministicForASeed() throws Exception {
		double result = WorkloadGenerator.matrixTask(32, 7L).call();
		assertThat(WorkloadGenerator.matrixTask(32, 7L).call()).isEqualTo(result);
		assertThat(WorkloadGenerator.matrixTask(32, 8L).call()).isNotEqualTo(result);
		assertThat(WorkloadGenerator.matrixTask(32).call())
			.isEqualTo(WorkloadGenerator.matrixTask(32, WorkloadGenerator.DEFAULT_MATRIX_SEED).call());
	}

	@Test
	void matrixTaskReturnsTheSumOfTheProductOfItsSeededMatrices() throws Exception {
		int size = 5;
		SplittableRandom random = new SplittableRandom(11L);
		double[][] a = new double[size][size];
		double[][] b = new double[size][size];
		fill(a, random);
		fill(b, random);
		double expected = 0;
		for (int i = 0; i < size; i++) {
			for (int j = 0; j < size; j++) {
				for (int k = 0; k < size; k++) {
					expected += a[i][k] * b[k][j];
				}
			}
		}
		assertThat(WorkloadGenerator.matrixTask(size, 11L).call()).isCloseTo(expected, within(1e-9));
	}

	@Test
	void matrixTaskOfSizeOneMultipliesTwoNumbers() throws Exception {
		SplittableRandom random = new SplittableRandom(3L);
		double expected = random.nextDouble() * random.nextDouble();
		assertThat(WorkloadGenerator.matrixTask(1, 3L).call()).isEqualTo(expected);
	}

	@Test
	void matrixTaskRejectsSizeBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.matrixTask(0))
			.withMessage("size must be >= 1, but was 0");
	}

	@Test
	void variableLatencyTaskDrawsItsLengthFromTheRange() throws Exception {
		Callable<Duration> task = WorkloadGenerator.variableLatencyTask(1.0, 3.0, 0.5);
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			Duration drawn = task.call();
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(drawn).isBetween(Duration.ofMillis(1), Duration.ofMillis(3));
			assertThat(elapsed).isGreaterThanOrEqualTo(drawn);
		}
	}

	@Test
	void variableLatencyTaskWithEqualBoundsTakesExactlyThatLong() throws Exception {
		assertThat(WorkloadGenerator.variableLatencyTask(4.0, 4.0, 0.0).call()).isEqualTo(Duration.ofMillis(4));
		assertThat(WorkloadGenerator.variableLatencyTask(4.0, 4.0, 1.0).call()).isEqualTo(Duration.ofMillis(4));
	}

	@Test
	void variableLatencyTaskValidationNamesTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.variableLatencyTask(-1, 2, 0.5))
			.withMessage("minMs must be >= 0, but was -1.0");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.variableLatencyTask(1, Double.NaN, 0.5))
			.withMessage("maxMs must be >= 0, but was NaN");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.variableLatencyTask(5, 2, 0.5))
			.withMessage("minMs must not exceed maxMs, but was 5.0 > 2.0");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.variableLatencyTask(1, 2, 1.5))
			.withMessage("cpuFraction must be between 0 and 1, but was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.variableLatencyTask(1, 2, -0.1))
			.withMessage("cpuFraction must be between 0 and 1, but was -0.1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WorkloadGenerator.variableLatencyTask(1, 2, Double.NaN))
			.withMessage("cpuFraction must be between 0 and 1, but was NaN");
	}

	@Test
	void contendedTaskComputesWhatCpuTaskComputes() throws Exception {
		assertThat(WorkloadGenerator.contendedTask(new Object(), 1_000).call())
			.isEqualTo(WorkloadGenerator.cpuTask(1_000).call());
	}

	@Test
	void contendedTaskWaitsForItsLock() throws Exception {
		Object lock = new Object();
		FutureTask<Long> task = new FutureTask<>(WorkloadGenerator.contendedTask(lock, 1_000));
		Thread thread = new Thread(task);
		synchronized (lock) {
			thread.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (thread.getState() != Thread.State.BLOCKED && System.nanoTime() - deadline < 0) {
				Thread.sleep(1);
			}
			assertThat(thread.getState()).isEqualTo(Thread.State.BLOCKED);
			assertThat(task.isDone()).isFalse();
		}
		thread.join(JOIN_TIMEOUT_MILLIS);
		assertThat(thread.isAlive()).isFalse();
		assertThat(task.get()).isEqualTo(WorkloadGenerator.cpuTask(1_000).call());
	}

	@Test
	void contendedTaskRejectsANullLockAndNegativeIterations() {
		assertThatNullPointerException().isThrownBy(() -> WorkloadGenerator.contendedTask(null, 1))
			.withMessage("lock");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkloadGenerator.contendedTask(new Object(), -1))
			.withMessage("iterations must be >= 0, but was -1");
	}

	private static void fill(double[][] matrix, SplittableRandom random) {
		for (double[] row : matrix) {
			for (int j = 0; j < row.length; j++) {
				row[j] = random.nextDouble();
			}
		}
	}

}
