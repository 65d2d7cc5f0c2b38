/**
 * Two pools in one JVM, one CPU-heavy and one I/O-heavy, run side by side from cold: betapool with one
 * CPU budget for both, betapool with each pool on its own, two static pools and virtual threads.
 */
@NullMarked
package io.betapool.benchmarks.twopools;

import org.jspecify.annotations.NullMarked;
