package io.betapool.benchmarks.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table (RFC 4180): a header and rows of fields, quoted when they hold a comma, a quote or a
 * line break. Numbers are written with at most {@value #SIGNIFICANT_DIGITS} significant digits and
 * without exponent; a missing number is an empty field.
 */
final class Csv {

	static final int SIGNIFICANT_DIGITS = 6;

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	Csv(List<String> header) {
		this.header = List.copyOf(header);
	}

	/** Adds a row; it must have as many fields as the header. */
	Csv row(List<String> fields) {
		if (fields.size() != this.header.size()) {
			throw new IllegalArgumentException(
					"a row needs " + this.header.size() + " fields, but had " + fields.size());
		}
		this.rows.add(List.copyOf(fields));
		return this;
	}

	int size() {
		return this.rows.size();
	}

	@Override
	public String toString() {
		StringBuilder out = new StringBuilder();
		line(out, this.header);
		for (List<String> row : this.rows) {
			line(out, row);
		}
		return out.toString();
	}

	/** A number with at most six significant digits, or an empty field when it is not finite. */
	static String number(double value) {
		if (!Double.isFinite(value)) {
			return "";
		}
		if (value == 0) {
			return "0";
		}
		return new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS)).stripTrailingZeros().toPlainString();
	}

	static String quote(String field) {
		if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
			return "\"" + field.replace("\"", "\"\"") + "\"";
		}
		return field;
	}

	private static void line(StringBuilder out, List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(quote(fields.get(i)));
		}
		out.append('\n');
	}

}
