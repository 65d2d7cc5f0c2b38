/**
 * Writing the results: the Markdown report, CSV files, SVG charts, the machine description, and the
 * JMH results read back from their JSON.
 */
@NullMarked
package io.betapool.benchmarks.report;

import org.jspecify.annotations.NullMarked;
