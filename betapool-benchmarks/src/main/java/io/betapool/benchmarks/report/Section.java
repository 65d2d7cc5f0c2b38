package io.betapool.benchmarks.report;

import java.util.List;

/**
 * A section of the report that another benchmark writes into a file of its own, and that the report keeps
 * between two markers whenever it is written again.
 *
 * @param file the section's file, relative to the output directory
 * @param begin the marker before it in {@code benchmarks.md}
 * @param end the marker after it
 */
public record Section(String file, String begin, String end) {

	/** The two-pool comparison, written by {@code io.betapool.benchmarks.twopools.TwoPools}. */
	public static final Section TWO_POOLS = new Section(MarkdownReport.CHART_DIRECTORY + "/two-pools.md",
			"<!-- two-pools: written by TwoPools -->", "<!-- end of two-pools -->");

	/** The rows {@code http-benchmark.sh} printed, with its command, saved by hand. */
	public static final Section HTTP = new Section(MarkdownReport.CHART_DIRECTORY + "/http.md",
			"<!-- http: the rows of http-benchmark.sh -->", "<!-- end of http -->");

	/** Every section the report keeps. */
	public static final List<Section> ALL = List.of(TWO_POOLS, HTTP);

	/**
	 * {@code report} with {@code content} between this section's markers, replacing what was there;
	 * before the {@code ## Files} heading (or at the end) when the report has no such markers yet.
	 */
	public String into(String report, String content) {
		String block = this.begin + "\n" + content + this.end + "\n";
		int from = report.indexOf(this.begin);
		int to = report.indexOf(this.end);
		if (from >= 0 && to > from) {
			return report.substring(0, from) + block + report.substring(to + this.end.length()).replaceFirst("^\n", "");
		}
		int files = report.indexOf("## Files\n");
		return (files >= 0) ? report.substring(0, files) + block + "\n" + report.substring(files) : report + "\n" + block;
	}

}
