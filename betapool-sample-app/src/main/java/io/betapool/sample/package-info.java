/**
 * A sample Spring Boot application whose asynchronous work runs on BetaPool's adaptive executor, with
 * a live dashboard of the pool adapting.
 */
@NullMarked
package io.betapool.sample;

import org.jspecify.annotations.NullMarked;
