/**
 * The Actuator endpoint {@code betapool}: metrics, configuration and decisions of the adaptive executors.
 */
@NullMarked
package io.betapool.spring.boot.actuate;

import org.jspecify.annotations.NullMarked;
