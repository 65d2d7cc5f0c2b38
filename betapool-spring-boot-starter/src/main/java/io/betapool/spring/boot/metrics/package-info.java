/**
 * Micrometer meters of the adaptive executor.
 */
@NullMarked
package io.betapool.spring.boot.metrics;

import org.jspecify.annotations.NullMarked;
