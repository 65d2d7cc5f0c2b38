/**
 * Workload generators and arrival processes for tests, demos and benchmarks, after the seed library's.
 */
@NullMarked
package io.betapool.workload;

import org.jspecify.annotations.NullMarked;
