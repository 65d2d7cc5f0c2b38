package io.betapool.benchmarks.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Csv}.
 */
class CsvTests {

	@Test
	void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
		Csv csv = new Csv(List.of("a", "b")).row(List.of("plain", "with, comma"))
			.row(List.of("say \"hi\"", "two\nlines"));
		assertThat(csv).hasToString("a,b\nplain,\"with, comma\"\n\"say \"\"hi\"\"\",\"two\nlines\"\n");
		assertThat(csv.size()).isEqualTo(2);
	}

	@Test
	void numbersKeepSixSignificantDigitsWithoutExponent() {
		assertThat(Csv.number(1234.56789)).isEqualTo("1234.57");
		assertThat(Csv.number(0.000123456789)).isEqualTo("0.000123457");
		assertThat(Csv.number(12345678)).isEqualTo("12345700");
		assertThat(Csv.number(2.5)).isEqualTo("2.5");
		assertThat(Csv.number(0)).isEqualTo("0");
		assertThat(Csv.number(Double.NaN)).isEmpty();
		assertThat(Csv.number(Double.POSITIVE_INFINITY)).isEmpty();
	}

	@Test
	void aRowMustMatchTheHeader() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Csv(List.of("a", "b")).row(List.of("1")));
	}

}
