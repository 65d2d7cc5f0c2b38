package io.betapool.spring.boot.advice;

import org.jspecify.annotations.Nullable;

/**
 * What the adaptive policy would do with a pool it does not own, from one interval of measurements.
 *
 * @param currentThreads threads the pool has now
 * @param threads the size the adaptive policy would choose, or {@code null} before any task ran
 * @param beta the blocking ratio of its workers over the interval, corrected for the time they waited
 * for a core where Linux scheduler statistics are available; {@code null} before any task ran
 * @param busyThreads threads running a task, on average over the interval
 * @param queuedTasks tasks waiting for a thread at the end of the interval
 * @param advice "would run N threads, because …"
 */
public record PoolAdvice(int currentThreads, @Nullable Integer threads, @Nullable Double beta, double busyThreads,
		int queuedTasks, String advice) {

}
