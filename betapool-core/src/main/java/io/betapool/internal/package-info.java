/**
 * The machinery behind the executors. Not API: it may change in any release.
 */
@NullMarked
package io.betapool.internal;

import org.jspecify.annotations.NullMarked;
