/**
 * The HTTP benchmark: a closed loop of concurrent clients against a running application's blocking
 * endpoint, over real HTTP.
 */
@NullMarked
package io.betapool.benchmarks.http;

import org.jspecify.annotations.NullMarked;
