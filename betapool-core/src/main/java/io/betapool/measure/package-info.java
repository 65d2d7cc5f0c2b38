/**
 * Measurement: the blocking ratio, per-thread scheduler statistics, CPU utilisation probes and the
 * bounded windows that percentiles and throughput are computed from.
 */
@NullMarked
package io.betapool.measure;

import org.jspecify.annotations.NullMarked;
