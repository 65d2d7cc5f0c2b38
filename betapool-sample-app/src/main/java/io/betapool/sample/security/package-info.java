/**
 * Who may change the pools: the {@code betapool} endpoint's write operation needs the operator role;
 * everything else is open.
 */
@NullMarked
package io.betapool.sample.security;

import org.jspecify.annotations.NullMarked;
