/**
 * A self-sizing {@link java.util.concurrent.ExecutorService}: {@link io.betapool.AdaptiveThreadPoolExecutor}
 * grows its pool while threads wait on I/O and refuses to grow while work is CPU-bound, judged by the
 * blocking ratio β = 1 − cpu time / wall time. {@link io.betapool.StaticThreadPoolExecutor} is the
 * fixed-size baseline with the same metrics.
 */
@NullMarked
package io.betapool;

import org.jspecify.annotations.NullMarked;
