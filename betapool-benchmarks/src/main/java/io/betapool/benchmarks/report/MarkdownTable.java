package io.betapool.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table; {@code |} in a cell is escaped, and a column whose name is
 * given with a leading {@code >} is right-aligned.
 */
final class MarkdownTable {

	private final List<String> header = new ArrayList<>();

	private final List<Boolean> right = new ArrayList<>();

	private final List<List<String>> rows = new ArrayList<>();

	/** A table whose columns are named by {@code columns}; a name starting with {@code >} is right-aligned. */
	MarkdownTable(String... columns) {
		for (String column : columns) {
			boolean alignRight = column.startsWith(">");
			this.header.add(alignRight ? column.substring(1) : column);
			this.right.add(alignRight);
		}
	}

	MarkdownTable row(String... cells) {
		if (cells.length != this.header.size()) {
			throw new IllegalArgumentException("a row needs " + this.header.size() + " cells, but had " + cells.length);
		}
		this.rows.add(List.of(cells));
		return this;
	}

	boolean isEmpty() {
		return this.rows.isEmpty();
	}

	@Override
	public String toString() {
		StringBuilder out = new StringBuilder();
		line(out, this.header);
		out.append('|');
		for (boolean alignRight : this.right) {
			out.append(alignRight ? "---:|" : "---|");
		}
		out.append('\n');
		for (List<String> row : this.rows) {
			line(out, row);
		}
		return out.toString();
	}

	private static void line(StringBuilder out, List<String> cells) {
		out.append('|');
		for (String cell : cells) {
			out.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
		}
		out.append('\n');
	}

}
