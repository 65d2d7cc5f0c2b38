/**
 * The executors compared: fixed-size pools, Spring Boot's default task executor settings, virtual
 * threads, and betapool with each of its policies.
 */
@NullMarked
package io.betapool.benchmarks.contender;

import org.jspecify.annotations.NullMarked;
