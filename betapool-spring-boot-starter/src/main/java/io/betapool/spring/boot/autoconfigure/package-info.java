/**
 * Auto-configuration of the adaptive executor as the application task executor, and its
 * {@code betapool.*} properties.
 */
@NullMarked
package io.betapool.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
