package io.betapool.benchmarks.result;

import java.util.Objects;

/**
 * Per-task overhead measured by JMH: the throughput of betapool's executor and of a plain
 * {@link java.util.concurrent.ThreadPoolExecutor} with the same number of threads on the same task.
 *
 * @param task the task, such as {@code noop} or {@code 10us}
 * @param threads threads of both executors
 * @param threadPoolExecutor tasks per second through the {@code ThreadPoolExecutor}
 * @param threadPoolExecutorError the 99.9 % confidence half-width of that figure
 * @param betapool tasks per second through betapool
 * @param betapoolError the 99.9 % confidence half-width of that figure
 */
public record Overhead(String task, int threads, double threadPoolExecutor, double threadPoolExecutorError,
		double betapool, double betapoolError) {

	public Overhead {
		Objects.requireNonNull(task, "task");
	}

	/** {@code betapool / threadPoolExecutor}. */
	public double ratio() {
		return this.betapool / this.threadPoolExecutor;
	}

}
