/**
 * JMH benchmarks of the per-task overhead of betapool's executor against a plain
 * {@link java.util.concurrent.ThreadPoolExecutor}.
 */
@NullMarked
package io.betapool.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
