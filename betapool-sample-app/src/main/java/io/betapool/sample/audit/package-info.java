/**
 * An audit trail written on a thread pool the application owns, which BetaPool only advises on.
 */
@NullMarked
package io.betapool.sample.audit;

import org.jspecify.annotations.NullMarked;
