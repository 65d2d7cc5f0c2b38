/**
 * The adaptive executor of {@code betapool-core} as a Spring {@link org.springframework.core.task.AsyncTaskExecutor}:
 * {@link io.betapool.spring.boot.BetaPoolTaskExecutor}.
 */
@NullMarked
package io.betapool.spring.boot;

import org.jspecify.annotations.NullMarked;
