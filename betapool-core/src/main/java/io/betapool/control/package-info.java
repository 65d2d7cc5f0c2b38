/**
 * Scaling policies: each one a pure decision from a {@link io.betapool.control.ControlSample}, with time
 * passed in as data, so that it can be tested without threads or sleeps.
 */
@NullMarked
package io.betapool.control;

import org.jspecify.annotations.NullMarked;
