package io.betapool.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A small line chart written as plain SVG: series of points, single marked points and shaded bands
 * (alternately lighter and darker), on a linear or base-2 logarithmic x axis. Panels can be stacked
 * into one image with {@link #stack}.
 *
 * <p>Axis ranges cover every finite value drawn (y from 0). Linear ticks are "nice" steps of 1, 2 or
 * 5 × 10<sup>k</sup>; logarithmic x ticks are the powers of two in range.
 */
public final class SvgChart {

	private static final double MARGIN_LEFT = 70;

	private static final double MARGIN_RIGHT = 190;

	private static final double MARGIN_TOP = 30;

	private static final double MARGIN_BOTTOM = 45;

	private final String title;

	private final String xLabel;

	private final String yLabel;

	private final boolean logX;

	private final List<Series> series = new ArrayList<>();

	private final List<Band> bands = new ArrayList<>();

	public SvgChart(String title, String xLabel, String yLabel, boolean logX) {
		this.title = Objects.requireNonNull(title, "title");
		this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
		this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
		this.logX = logX;
	}

	/** Adds a line through the points; {@code markers} draws a dot on each. */
	public SvgChart line(String name, double[] xs, double[] ys, String color, boolean dashed, boolean markers) {
		if (xs.length != ys.length) {
			throw new IllegalArgumentException("xs and ys differ in length: " + xs.length + " and " + ys.length);
		}
		this.series.add(new Series(name, xs.clone(), ys.clone(), color, dashed, markers, false));
		return this;
	}

	/** Adds one marked point, drawn as a diamond. */
	public SvgChart point(String name, double x, double y, String color) {
		this.series.add(new Series(name, new double[] { x }, new double[] { y }, color, false, true, true));
		return this;
	}

	/** Shades the stretch from {@code x0} to {@code x1} and labels it. */
	public SvgChart band(double x0, double x1, String label) {
		this.bands.add(new Band(x0, x1, label));
		return this;
	}

	/** This chart alone as an SVG document. */
	public String render(int width, int height) {
		StringBuilder svg = new StringBuilder();
		open(svg, width, height);
		renderInto(svg, 0, 0, width, height);
		svg.append("</svg>\n");
		return svg.toString();
	}

	/** The panels one above the other, each {@code panelHeight} high, as one SVG document. */
	public static String stack(List<SvgChart> panels, int width, int panelHeight) {
		StringBuilder svg = new StringBuilder();
		open(svg, width, panelHeight * panels.size());
		for (int i = 0; i < panels.size(); i++) {
			panels.get(i).renderInto(svg, 0, (double) i * panelHeight, width, panelHeight);
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static void open(StringBuilder svg, int width, int height) {
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
			.append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
			.append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
			.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
	}

	private void renderInto(StringBuilder svg, double left, double top, double width, double height) {
		double x0 = left + MARGIN_LEFT;
		double y0 = top + MARGIN_TOP;
		double plotWidth = width - MARGIN_LEFT - MARGIN_RIGHT;
		double plotHeight = height - MARGIN_TOP - MARGIN_BOTTOM;
		double[] xRange = xRange();
		double yMax = yMax();
		Axis x = new Axis(xRange[0], xRange[1], x0, x0 + plotWidth, this.logX);
		Axis y = new Axis(0, yMax, y0 + plotHeight, y0, false);
		text(svg, left + width / 2 - MARGIN_RIGHT / 2, top + 18, this.title, "middle", "bold");
		for (int i = 0; i < this.bands.size(); i++) {
			Band band = this.bands.get(i);
			double a = x.map(band.x0);
			double b = x.map(band.x1);
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#000\" fill-opacity=\"%s\"/>%n",
					a, y0, Math.max(0, b - a), plotHeight, (i % 2 == 0) ? "0.04" : "0.09"));
			text(svg, (a + b) / 2, y0 + 12, band.label, "middle", "normal");
		}
		for (double tick : y.ticks()) {
			double py = y.map(tick);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", x0, py, x0 + plotWidth, py));
			text(svg, x0 - 6, py + 4, label(tick), "end", "normal");
		}
		for (double tick : x.ticks()) {
			double px = x.map(tick);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>%n", px, y0, px, y0 + plotHeight));
			text(svg, px, y0 + plotHeight + 16, label(tick), "middle", "normal");
		}
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#444\"/>%n", x0, y0,
				plotWidth, plotHeight));
		text(svg, x0 + plotWidth / 2, y0 + plotHeight + 36, this.xLabel, "middle", "normal");
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n",
				left + 16, y0 + plotHeight / 2, left + 16, y0 + plotHeight / 2, escape(this.yLabel)));
		int legend = 0;
		for (Series s : this.series) {
			drawSeries(svg, s, x, y);
			double ly = y0 + 8 + 16 * legend++;
			double lx = x0 + plotWidth + 12;
			if (s.single) {
				diamond(svg, lx + 9, ly, s.color);
			}
			else {
				svg.append(String.format(Locale.ROOT,
						"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>%n", lx,
						ly, lx + 18, ly, s.color, s.dashed ? " stroke-dasharray=\"5,3\"" : ""));
			}
			text(svg, lx + 24, ly + 4, s.name, "start", "normal");
		}
	}

	private void drawSeries(StringBuilder svg, Series s, Axis x, Axis y) {
		if (s.single) {
			if (Double.isFinite(s.xs[0]) && Double.isFinite(s.ys[0])) {
				diamond(svg, x.map(s.xs[0]), y.map(s.ys[0]), s.color);
			}
			return;
		}
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < s.xs.length; i++) {
			if (!Double.isFinite(s.xs[i]) || !Double.isFinite(s.ys[i]) || (this.logX && s.xs[i] <= 0)) {
				continue;
			}
			path.append(path.isEmpty() ? "M" : " L")
				.append(String.format(Locale.ROOT, "%.1f,%.1f", x.map(s.xs[i]), y.map(s.ys[i])));
			if (s.markers) {
				svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
						x.map(s.xs[i]), y.map(s.ys[i]), s.color));
			}
		}
		if (!path.isEmpty()) {
			svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(s.color)
				.append("\" stroke-width=\"1.8\"").append(s.dashed ? " stroke-dasharray=\"5,3\"" : "").append("/>\n");
		}
	}

	private static void diamond(StringBuilder svg, double cx, double cy, String color) {
		svg.append(String.format(Locale.ROOT,
				"<path d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f L%.1f,%.1f Z\" fill=\"%s\" stroke=\"#000\"/>%n", cx, cy - 7,
				cx + 7, cy, cx, cy + 7, cx - 7, cy, color));
	}

	private double[] xRange() {
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (Series s : this.series) {
			for (double v : s.xs) {
				if (Double.isFinite(v) && (!this.logX || v > 0)) {
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
			}
		}
		for (Band band : this.bands) {
			min = Math.min(min, band.x0);
			max = Math.max(max, band.x1);
		}
		if (!Double.isFinite(min)) {
			return new double[] { this.logX ? 1 : 0, this.logX ? 2 : 1 };
		}
		if (max <= min) {
			max = this.logX ? min * 2 : min + 1;
		}
		return new double[] { min, max };
	}

	private double yMax() {
		double max = 0;
		for (Series s : this.series) {
			for (double v : s.ys) {
				if (Double.isFinite(v)) {
					max = Math.max(max, v);
				}
			}
		}
		return (max > 0) ? max * 1.08 : 1;
	}

	private static String label(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%,d", (long) value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static void text(StringBuilder svg, double x, double y, String text, String anchor, String weight) {
		svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
				x, y, anchor, weight, escape(text)));
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private record Series(String name, double[] xs, double[] ys, String color, boolean dashed, boolean markers,
			boolean single) {

	}

	private record Band(double x0, double x1, String label) {

	}

	/**
	 * Maps data values to pixels along one axis and chooses its ticks.
	 */
	record Axis(double min, double max, double from, double to, boolean log) {

		double map(double value) {
			double t = this.log ? (log2(value) - log2(this.min)) / (log2(this.max) - log2(this.min))
					: (value - this.min) / (this.max - this.min);
			return this.from + t * (this.to - this.from);
		}

		List<Double> ticks() {
			List<Double> ticks = new ArrayList<>();
			if (this.log) {
				for (double v = Math.pow(2, Math.ceil(log2(this.min))); v <= this.max * (1 + 1e-9); v *= 2) {
					ticks.add(v);
				}
				return ticks;
			}
			double step = niceStep((this.max - this.min) / 5);
			for (double v = Math.ceil(this.min / step) * step; v <= this.max + step * 1e-9; v += step) {
				ticks.add((Math.abs(v) < step * 1e-9) ? 0.0 : v);
			}
			return ticks;
		}

		static double niceStep(double rough) {
			if (!(rough > 0)) {
				return 1;
			}
			double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
			double residual = rough / magnitude;
			double nice = (residual <= 1) ? 1 : (residual <= 2) ? 2 : (residual <= 5) ? 5 : 10;
			return nice * magnitude;
		}

		private static double log2(double value) {
			return Math.log(value) / Math.log(2);
		}

	}

}
