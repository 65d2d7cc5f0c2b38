package io.betapool.benchmarks.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;

import io.betapool.workload.WorkloadGenerator;

/**
 * How many iterations of {@link WorkloadGenerator#cpuTask(int)} make one millisecond of CPU time on
 * this machine, so that a workload's CPU parts are fixed amounts of work of a known nominal cost.
 *
 * <p>Fixed work, not spinning until a deadline: a thread that spins until a wall-clock deadline does
 * less work whenever it loses its core mid-task, so the CPU time of a task would depend on how many
 * threads compete; a fixed amount of work costs every contender the same. The rate is measured on
 * the calling thread's CPU clock (its wall clock where the JVM gives no thread CPU time), as the
 * median of several timed batches after a warm-up:
 * <pre>
 *   iterationsPerMs = median(batchIterations / batchCpuMs)
 * </pre>
 *
 * @param iterationsPerMs iterations per millisecond of CPU time
 */
public record Calibration(double iterationsPerMs) {

	private static final int BATCH_ITERATIONS = 1_000_000;

	private static final int BATCHES = 15;

	/** Written with every result so that the measured loop cannot be removed. */
	private static volatile long sink;

	public Calibration {
		if (!(iterationsPerMs > 0) || Double.isInfinite(iterationsPerMs)) {
			throw new IllegalArgumentException("iterationsPerMs must be positive, but was " + iterationsPerMs);
		}
	}

	/**
	 * Measures the rate on the calling thread, warming the loop up for about {@code warmup} first.
	 */
	public static Calibration measure(Duration warmup) {
		Callable<Long> batch = WorkloadGenerator.cpuTask(BATCH_ITERATIONS);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
		long warmupEnd = System.nanoTime() + warmup.toNanos();
		do {
			sink ^= call(batch);
		}
		while (System.nanoTime() - warmupEnd < 0);
		double[] rates = new double[BATCHES];
		for (int i = 0; i < BATCHES; i++) {
			long start = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
			sink ^= call(batch);
			long end = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
			rates[i] = BATCH_ITERATIONS / (Math.max(1, end - start) / 1e6);
		}
		Arrays.sort(rates);
		return new Calibration(rates[BATCHES / 2]);
	}

	/** The iterations that make {@code cpuMs} milliseconds of CPU time, rounded, at least 0. */
	public int iterations(double cpuMs) {
		return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.round(cpuMs * this.iterationsPerMs)));
	}

	private static long call(Callable<Long> task) {
		try {
			return task.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException("a CPU task cannot fail", ex);
		}
	}

}
