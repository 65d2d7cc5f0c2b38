/**
 * Conventions of the HTTP API: how invalid input is reported.
 */
@NullMarked
package io.betapool.sample.web;

import org.jspecify.annotations.NullMarked;
