package io.betapool.benchmarks.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SvgChart}.
 */
class SvgChartTests {

	@Test
	void aChartIsWellFormedSvgWithItsSeriesAndLegend() throws Exception {
		String svg = new SvgChart("A & B <title>", "threads", "tasks / s", true)
			.line("static", new double[] { 1, 2, 4, 8 }, new double[] { 10, 20, 39, 40 }, "#1f77b4", false, true)
			.point("betapool", 6, 40, "#d62728")
			.render(800, 400);
		Document document = parse(svg);
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(4);
		assertThat(svg).contains("A &amp; B &lt;title&gt;").contains(">betapool<").contains(">static<");
	}

	@Test
	void stackedPanelsMakeOneDocument() throws Exception {
		SvgChart first = new SvgChart("one", "s", "threads", false).line("a", new double[] { 0, 1 },
				new double[] { 1, 2 }, "#000", false, false);
		SvgChart second = new SvgChart("two", "s", "β", false).band(0, 0.5, "I/O")
			.line("b", new double[] { 0, 1 }, new double[] { Double.NaN, 0.5 }, "#000", true, false);
		Document document = parse(SvgChart.stack(List.of(first, second), 800, 300));
		assertThat(document.getDocumentElement().getAttribute("height")).isEqualTo("600");
	}

	@Test
	void logarithmicTicksArePowersOfTwo() {
		SvgChart.Axis axis = new SvgChart.Axis(1, 256, 0, 100, true);
		assertThat(axis.ticks()).containsExactly(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0);
		assertThat(axis.map(16)).isEqualTo(50.0);
	}

	@Test
	void linearTicksAreNiceSteps() {
		assertThat(SvgChart.Axis.niceStep(0.23)).isEqualTo(0.5);
		assertThat(SvgChart.Axis.niceStep(180)).isEqualTo(200);
		assertThat(SvgChart.Axis.niceStep(1000)).isEqualTo(1000);
		assertThat(new SvgChart.Axis(0, 1000, 0, 100, false).ticks()).containsExactly(0.0, 200.0, 400.0, 600.0, 800.0,
				1000.0);
	}

	private static Document parse(String svg) throws Exception {
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

}
