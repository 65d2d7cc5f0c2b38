package io.betapool.workload;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Factories for the tasks the seed library benchmarks with: blocking work standing in for I/O, CPU
 * work, and mixes of the two, each with a known blocking ratio β = 1 − cpu / wall when it runs
 * alone on a core:
 * <ul>
 * <li>{@link #ioTask}: β ≈ 1;</li>
 * <li>{@link #cpuTask}, {@link #cpuBurnTask}, {@link #fibonacciTask}, {@link #matrixTask}: β ≈ 0;</li>
 * <li>{@link #mixedTask} and {@link #ragPipelineTask}: β = io / (io + cpu);</li>
 * <li>{@link #variableLatencyTask}: β ≈ 1 − cpuFraction;</li>
 * <li>{@link #contendedTask}: β ≈ 0 alone, rising with the time spent waiting for its monitor.</li>
 * </ul>
 *
 * <p>Blocking parts park the thread until a deadline ({@code LockSupport.parkNanos}, so
 * sub-millisecond durations are honoured and a part never ends early) and end the task with an
 * {@link InterruptedException} when the thread is interrupted. CPU parts run a multiply–xorshift mix
 * loop, {@code h ← (h ⊕ i) · φ; h ← h ⊕ (h ≫ 31)}, a few nanoseconds an iteration, whose result the
 * task returns so the JIT cannot remove it; they do not respond to interrupts.
 *
 * <p>Every returned {@link Callable} is stateless: it may be called any number of times, from any
 * thread.
 */
public final class WorkloadGenerator {

	/** The seed {@link #matrixTask(int)} fills its matrices from. */
	public static final long DEFAULT_MATRIX_SEED = 42L;

	private static final int DEFAULT_TOKENIZATION_ITERATIONS = 10_000;

	private static final int DEFAULT_RERANKING_ITERATIONS = 20_000;

	private static final int MAX_FIBONACCI_N = 92;

	private WorkloadGenerator() {
	}

	/**
	 * A task that blocks for {@code durationMs} and returns the time it actually blocked.
	 * @throws IllegalArgumentException if {@code durationMs} is negative, NaN or infinite
	 */
	public static Callable<Duration> ioTask(double durationMs) {
		long nanos = Checks.nanos(Checks.millis("durationMs", durationMs));
		return () -> {
			long start = System.nanoTime();
			Work.park(nanos);
			return Duration.ofNanos(System.nanoTime() - start);
		};
	}

	/**
	 * A task that runs {@code iterations} mix steps and returns the mixed state.
	 * @throws IllegalArgumentException if {@code iterations} is negative
	 */
	public static Callable<Long> cpuTask(int iterations) {
		Checks.notNegative("iterations", iterations);
		return () -> Work.mix(Work.SEED, iterations);
	}

	/**
	 * A task that spins on mix steps for {@code durationMs} of wall time and returns the mixed state.
	 * <p>The deadline is wall time: a thread that loses its core while spinning uses less CPU time.
	 * @throws IllegalArgumentException if {@code durationMs} is negative, NaN or infinite
	 */
	public static Callable<Long> cpuBurnTask(double durationMs) {
		long nanos = Checks.nanos(Checks.millis("durationMs", durationMs));
		return () -> Work.spin(nanos);
	}

	/**
	 * A task that blocks for {@code ioDurationMs}, then runs {@code cpuIterations} mix steps and
	 * returns the mixed state, as {@link #cpuTask} would.
	 * @throws IllegalArgumentException if {@code ioDurationMs} is negative, NaN or infinite, or
	 * {@code cpuIterations} is negative
	 */
	public static Callable<Long> mixedTask(double ioDurationMs, int cpuIterations) {
		long ioNanos = Checks.nanos(Checks.millis("ioDurationMs", ioDurationMs));
		Checks.notNegative("cpuIterations", cpuIterations);
		return () -> {
			Work.park(ioNanos);
			return Work.mix(Work.SEED, cpuIterations);
		};
	}

	/**
	 * A simulated retrieval-augmented generation request with the seed's default CPU work: 10 000
	 * tokenisation and 20 000 re-ranking iterations.
	 * @throws IllegalArgumentException if a latency is negative, NaN or infinite
	 * @see #ragPipelineTask(double, double, double, int, int)
	 */
	public static Callable<RagResult> ragPipelineTask(double networkLatencyMs, double vectorDbLatencyMs,
			double llmLatencyMs) {
		return ragPipelineTask(networkLatencyMs, vectorDbLatencyMs, llmLatencyMs, DEFAULT_TOKENIZATION_ITERATIONS,
				DEFAULT_RERANKING_ITERATIONS);
	}

	/**
	 * A simulated retrieval-augmented generation request whose five stages run back to back: network
	 * receive (blocking), tokenisation (CPU), vector database lookup (blocking), re-ranking (CPU) and
	 * the language model call (blocking); it returns the time each stage took.
	 * @throws IllegalArgumentException if a latency is negative, NaN or infinite, or an iteration
	 * count is negative
	 */
	public static Callable<RagResult> ragPipelineTask(double networkLatencyMs, double vectorDbLatencyMs,
			double llmLatencyMs, int tokenizationIterations, int rerankingIterations) {
		long networkNanos = Checks.nanos(Checks.millis("networkLatencyMs", networkLatencyMs));
		long vectorDbNanos = Checks.nanos(Checks.millis("vectorDbLatencyMs", vectorDbLatencyMs));
		long llmNanos = Checks.nanos(Checks.millis("llmLatencyMs", llmLatencyMs));
		Checks.notNegative("tokenizationIterations", tokenizationIterations);
		Checks.notNegative("rerankingIterations", rerankingIterations);
		return () -> {
			long t0 = System.nanoTime();
			Work.park(networkNanos);
			long t1 = System.nanoTime();
			long checksum = Work.mix(Work.SEED, tokenizationIterations);
			long t2 = System.nanoTime();
			Work.park(vectorDbNanos);
			long t3 = System.nanoTime();
			checksum = Work.mix(checksum, rerankingIterations);
			long t4 = System.nanoTime();
			Work.park(llmNanos);
			long t5 = System.nanoTime();
			return new RagResult(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2),
					Duration.ofNanos(t4 - t3), Duration.ofNanos(t5 - t4), checksum);
		};
	}

	/**
	 * A task that computes the {@code n}th Fibonacci number by naive recursion, about φⁿ calls.
	 * @throws IllegalArgumentException if {@code n} is negative or above 92, whose result does not
	 * fit a {@code long}
	 */
	public static Callable<Long> fibonacciTask(int n) {
		Checks.notNegative("n", n);
		if (n > MAX_FIBONACCI_N) {
			throw new IllegalArgumentException("n must be <= " + MAX_FIBONACCI_N + ", but was " + n);
		}
		return () -> fibonacci(n);
	}

	private static long fibonacci(int n) {
		return (n <= 1) ? n : fibonacci(n - 1) + fibonacci(n - 2);
	}

	/**
	 * A task that multiplies two random {@code size} × {@code size} matrices filled from
	 * {@link #DEFAULT_MATRIX_SEED}, and returns the sum of the product's entries.
	 * @throws IllegalArgumentException if {@code size} is below 1
	 * @see #matrixTask(int, long)
	 */
	public static Callable<Double> matrixTask(int size) {
		return matrixTask(size, DEFAULT_MATRIX_SEED);
	}

	/**
	 * A task that multiplies two random {@code size} × {@code size} matrices and returns the sum of
	 * the product's entries.
	 * <p>Each call allocates both matrices and fills them, A row by row and then B row by row, with
	 * {@code new SplittableRandom(seed).nextDouble()}, so every call computes the same result; the
	 * product is taken with plain loops in i-k-j order, O(size³) multiply-adds.
	 * @throws IllegalArgumentException if {@code size} is below 1
	 */
	public static Callable<Double> matrixTask(int size, long seed) {
		Checks.atLeastOne("size", size);
		return () -> multiplyRandom(size, seed);
	}

	private static double multiplyRandom(int size, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double[][] a = randomMatrix(size, random);
		double[][] b = randomMatrix(size, random);
		double[][] c = new double[size][size];
		for (int i = 0; i < size; i++) {
			double[] ai = a[i];
			double[] ci = c[i];
			for (int k = 0; k < size; k++) {
				double aik = ai[k];
				double[] bk = b[k];
				for (int j = 0; j < size; j++) {
					ci[j] += aik * bk[j];
				}
			}
		}
		double sum = 0;
		for (double[] row : c) {
			for (double value : row) {
				sum += value;
			}
		}
		return sum;
	}

	private static double[][] randomMatrix(int size, SplittableRandom random) {
		double[][] matrix = new double[size][size];
		for (double[] row : matrix) {
			for (int j = 0; j < size; j++) {
				row[j] = random.nextDouble();
			}
		}
		return matrix;
	}

	/**
	 * A task whose length is drawn uniformly from [{@code minMs}, {@code maxMs}]: it blocks for
	 * {@code 1 − cpuFraction} of that time, then spins on mix steps for the rest, and returns the
	 * length it drew.
	 * @throws IllegalArgumentException if a bound is negative, NaN or infinite, {@code minMs} exceeds
	 * {@code maxMs}, or {@code cpuFraction} is outside [0, 1]
	 */
	public static Callable<Duration> variableLatencyTask(double minMs, double maxMs, double cpuFraction) {
		Checks.millis("minMs", minMs);
		Checks.millis("maxMs", maxMs);
		if (minMs > maxMs) {
			throw new IllegalArgumentException("minMs must not exceed maxMs, but was " + minMs + " > " + maxMs);
		}
		Checks.fraction("cpuFraction", cpuFraction);
		return () -> {
			double drawnMs = (minMs < maxMs) ? ThreadLocalRandom.current().nextDouble(minMs, maxMs) : minMs;
			long totalNanos = Checks.nanos(drawnMs);
			long cpuNanos = Math.round(totalNanos * cpuFraction);
			Work.park(totalNanos - cpuNanos);
			Work.consume(Work.spin(cpuNanos));
			return Duration.ofNanos(totalNanos);
		};
	}

	/**
	 * A task that runs {@code iterations} mix steps while holding the monitor of {@code lock}, and
	 * returns the mixed state, as {@link #cpuTask} would.
	 * <p>Tasks sharing a lock run one at a time, as Python threads do under the global interpreter
	 * lock; a thread waiting for the monitor does not respond to interrupts.
	 * @throws IllegalArgumentException if {@code iterations} is negative
	 */
	public static Callable<Long> contendedTask(Object lock, int iterations) {
		Objects.requireNonNull(lock, "lock");
		Checks.notNegative("iterations", iterations);
		return () -> {
			synchronized (lock) {
				return Work.mix(Work.SEED, iterations);
			}
		};
	}

}
