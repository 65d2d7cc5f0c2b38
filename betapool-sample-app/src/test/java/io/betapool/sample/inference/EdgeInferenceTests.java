package io.betapool.sample.inference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class EdgeInferenceTests {

	private final EdgeInference inference = new EdgeInference();

	@Test
	void classifiesWithProbabilitiesThatSumToOne() {
		TinyConvNet network = new TinyConvNet();
		double[] probabilities = network.classify(TinyConvNet.features(network.convolve(SyntheticFrame.generate(64, 1))));
		double sum = 0;
		for (double probability : probabilities) {
			assertThat(probability).isBetween(0.0, 1.0);
			sum += probability;
		}
		assertThat(sum).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void theSameSeedGivesTheSameFrameAndAnswer() {
		assertThat(SyntheticFrame.generate(32, 9).pixels()).isEqualTo(SyntheticFrame.generate(32, 9).pixels());
		assertThat(this.inference.classifyNow(32, 9).top()).isEqualTo(this.inference.classifyNow(32, 9).top());
	}

	@Test
	void framePixelsStayWithinZeroAndOne() {
		for (float pixel : SyntheticFrame.generate(48, 3).pixels()) {
			assertThat(pixel).isBetween(0f, 1f);
		}
	}

	@Test
	void workGrowsWithTheSquareOfTheFrameSize() {
		double ratio = (double) TinyConvNet.multiplyAdds(256) / TinyConvNet.multiplyAdds(128);
		assertThat(ratio).isCloseTo(4.0, within(0.01));
		assertThat(TinyConvNet.multiplyAdds(128)).isBetween(5_000_000L, 7_000_000L);
	}

	@Test
	void refusesFramesOutsideTheSupportedSizes() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.inference.classifyNow(8, 1))
			.withMessage("size must be between 16 and 512, but was 8");
	}

}
