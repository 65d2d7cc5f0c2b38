/**
 * A command-line demo of the adaptive executor.
 */
@NullMarked
package io.betapool.demo;

import org.jspecify.annotations.NullMarked;
