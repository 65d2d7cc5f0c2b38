/**
 * Advice on the thread pools an application defines itself: their workers' blocking ratio, measured as
 * the core measures its own, and the size the adaptive policy would give them. Nothing here changes
 * those pools' sizes.
 */
@NullMarked
package io.betapool.spring.boot.advice;

import org.jspecify.annotations.NullMarked;
