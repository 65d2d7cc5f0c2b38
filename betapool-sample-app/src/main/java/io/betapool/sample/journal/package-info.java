/**
 * A journal of answers written on a thread pool the application owns, which BetaPool only advises on.
 */
@NullMarked
package io.betapool.sample.journal;

import org.jspecify.annotations.NullMarked;
