/**
 * The short, bounded history of the pools that the page draws as soon as it opens.
 */
@NullMarked
package io.betapool.sample.history;

import org.jspecify.annotations.NullMarked;
