/**
 * The open-loop load driver: phase plans, Poisson arrivals, and the demo plan that starts with the
 * application.
 */
@NullMarked
package io.betapool.sample.load;

import org.jspecify.annotations.NullMarked;
