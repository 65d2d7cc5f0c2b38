package io.betapool.sample.inference;

import java.util.SplittableRandom;

/**
 * A small convolutional classifier of the kind that runs on edge devices, evaluated with plain loops:
 * <pre>
 *   frame (1 × s × s)
 *   → conv 3×3, 8 filters, ReLU → max-pool 2×2        (8 × s/2 × s/2)
 *   → conv 3×3, 16 filters, ReLU → max-pool 2×2       (16 × s/4 × s/4)
 *   → features: mean of each channel (16) and the channels' Gram matrix, upper triangle (136)
 *   → dense 152 → 10, softmax
 * </pre>
 * about {@code 370 · s²} multiply-adds for a frame of s × s pixels.
 *
 * <p>The first layer holds classic image filters (smoothing, Sobel, Laplacian, diagonal edges); the
 * other weights are fixed pseudo-random numbers. The class it reports is therefore arbitrary, though
 * deterministic: what matters here is the arithmetic, pure CPU work with a blocking ratio near 0.
 * Immutable and thread-safe.
 */
final class TinyConvNet {

	/** The classes the network chooses from. */
	static final String[] LABELS = { "person", "bicycle", "car", "motorcycle", "bus", "truck", "traffic light",
			"stop sign", "dog", "background" };

	private static final int FIRST_CHANNELS = 8;

	private static final int SECOND_CHANNELS = 16;

	private static final int FEATURES = SECOND_CHANNELS + SECOND_CHANNELS * (SECOND_CHANNELS + 1) / 2;

	private static final float[][] FIRST_FILTERS = {
			{ 1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f },
			{ -1, 0, 1, -2, 0, 2, -1, 0, 1 },
			{ -1, -2, -1, 0, 0, 0, 1, 2, 1 },
			{ 0, 1, 0, 1, -4, 1, 0, 1, 0 },
			{ 0, 1, 2, -1, 0, 1, -2, -1, 0 },
			{ 2, 1, 0, 1, 0, -1, 0, -1, -2 },
			{ 0, -1, 0, -1, 5, -1, 0, -1, 0 },
			{ 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f } };

	private final float[][][] secondFilters;

	private final float[][] dense;

	TinyConvNet() {
		SplittableRandom random = new SplittableRandom(7);
		double convScale = Math.sqrt(2.0 / (9 * FIRST_CHANNELS));
		this.secondFilters = new float[SECOND_CHANNELS][FIRST_CHANNELS][9];
		for (float[][] filter : this.secondFilters) {
			for (float[] kernel : filter) {
				for (int k = 0; k < kernel.length; k++) {
					kernel[k] = (float) (random.nextGaussian() * convScale);
				}
			}
		}
		double denseScale = Math.sqrt(1.0 / FEATURES);
		this.dense = new float[LABELS.length][FEATURES];
		for (float[] row : this.dense) {
			for (int k = 0; k < row.length; k++) {
				row[k] = (float) (random.nextGaussian() * denseScale);
			}
		}
	}

	/**
	 * Multiply-adds of one forward pass over a frame of {@code size} × {@code size} pixels.
	 */
	static long multiplyAdds(int size) {
		long half = (long) (size / 2) * (size / 2);
		long quarter = (long) (size / 4) * (size / 4);
		return (long) size * size * FIRST_CHANNELS * 9 + half * SECOND_CHANNELS * FIRST_CHANNELS * 9
				+ quarter * SECOND_CHANNELS * (SECOND_CHANNELS + 1) / 2 + (long) FEATURES * LABELS.length;
	}

	/**
	 * The feature maps after both convolution blocks: {@code SECOND_CHANNELS} maps of (s/4)² values.
	 */
	float[][] convolve(SyntheticFrame frame) {
		int size = frame.size();
		float[][] input = { frame.pixels() };
		float[][] first = new float[FIRST_CHANNELS][];
		for (int o = 0; o < FIRST_CHANNELS; o++) {
			first[o] = convolve(input, new float[][] { FIRST_FILTERS[o] }, size);
		}
		int half = size / 2;
		float[][] pooled = new float[FIRST_CHANNELS][];
		for (int c = 0; c < FIRST_CHANNELS; c++) {
			pooled[c] = reluMaxPool(first[c], size);
		}
		float[][] second = new float[SECOND_CHANNELS][];
		for (int o = 0; o < SECOND_CHANNELS; o++) {
			second[o] = reluMaxPool(convolve(pooled, this.secondFilters[o], half), half);
		}
		return second;
	}

	/**
	 * The feature vector of the convolved maps: per-channel means, then the upper triangle of their
	 * Gram matrix, each divided by the number of positions.
	 */
	static float[] features(float[][] maps) {
		float[] features = new float[FEATURES];
		int positions = Math.max(1, maps[0].length);
		int index = 0;
		for (float[] map : maps) {
			double sum = 0;
			for (float value : map) {
				sum += value;
			}
			features[index++] = (float) (sum / positions);
		}
		for (int i = 0; i < maps.length; i++) {
			for (int j = i; j < maps.length; j++) {
				double dot = 0;
				float[] a = maps[i];
				float[] b = maps[j];
				for (int k = 0; k < a.length; k++) {
					dot += a[k] * b[k];
				}
				features[index++] = (float) (dot / positions);
			}
		}
		return features;
	}

	/**
	 * Class probabilities for a feature vector: softmax of the dense layer.
	 */
	double[] classify(float[] features) {
		double[] logits = new double[LABELS.length];
		double max = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < LABELS.length; c++) {
			double sum = 0;
			for (int k = 0; k < features.length; k++) {
				sum += this.dense[c][k] * features[k];
			}
			logits[c] = sum;
			max = Math.max(max, sum);
		}
		double total = 0;
		for (int c = 0; c < logits.length; c++) {
			logits[c] = Math.exp(logits[c] - max);
			total += logits[c];
		}
		for (int c = 0; c < logits.length; c++) {
			logits[c] /= total;
		}
		return logits;
	}

	/**
	 * One output channel of a 3×3 convolution with zero padding: the sum over input channels of each
	 * channel convolved with its kernel.
	 */
	private static float[] convolve(float[][] inputs, float[][] kernels, int size) {
		float[] output = new float[size * size];
		for (int c = 0; c < inputs.length; c++) {
			float[] input = inputs[c];
			float[] kernel = kernels[c];
			for (int ky = -1; ky <= 1; ky++) {
				for (int kx = -1; kx <= 1; kx++) {
					float weight = kernel[(ky + 1) * 3 + (kx + 1)];
					int fromY = Math.max(0, -ky);
					int toY = Math.min(size, size - ky);
					int fromX = Math.max(0, -kx);
					int toX = Math.min(size, size - kx);
					for (int y = fromY; y < toY; y++) {
						int out = y * size;
						int in = (y + ky) * size + kx;
						for (int x = fromX; x < toX; x++) {
							output[out + x] += weight * input[in + x];
						}
					}
				}
			}
		}
		return output;
	}

	/**
	 * ReLU, then the maximum of each 2×2 block: a map of (size/2)² values.
	 */
	private static float[] reluMaxPool(float[] map, int size) {
		int half = size / 2;
		float[] pooled = new float[half * half];
		for (int y = 0; y < half; y++) {
			for (int x = 0; x < half; x++) {
				int at = 2 * y * size + 2 * x;
				float max = Math.max(Math.max(map[at], map[at + 1]), Math.max(map[at + size], map[at + size + 1]));
				pooled[y * half + x] = Math.max(0f, max);
			}
		}
		return pooled;
	}

}
