package io.betapool.benchmarks.contender;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.IntSupplier;

import io.betapool.AdaptiveThreadPoolExecutor;
import org.jspecify.annotations.Nullable;

/**
 * A started contender: the executor tasks go to, how to count the platform threads it uses now, and,
 * for betapool, the executor itself so that its controller can be watched.
 *
 * @param executor where tasks are submitted
 * @param threadCount the platform threads the executor uses now (for virtual threads: the carrier and
 *        scheduler threads of their scheduler)
 * @param betapool the betapool executor, or {@code null} for any other contender
 */
public record RunningContender(ExecutorService executor, IntSupplier threadCount,
		@Nullable AdaptiveThreadPoolExecutor betapool) {

	public RunningContender {
		Objects.requireNonNull(executor, "executor");
		Objects.requireNonNull(threadCount, "threadCount");
	}

}
