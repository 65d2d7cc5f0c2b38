package io.betapool.sample.inference;

import java.util.SplittableRandom;

/**
 * A generated grey-scale camera frame: a lighting gradient, a few bright and dark shapes, and sensor
 * noise, all drawn from a seed, so that one seed always gives the same frame.
 *
 * @param size the width and height in pixels
 * @param pixels the intensities, row by row, from 0 to 1
 */
record SyntheticFrame(int size, float[] pixels) {

	private static final int SHAPES = 6;

	private static final double NOISE = 0.05;

	/**
	 * The frame of {@code size} × {@code size} pixels for {@code seed}.
	 */
	static SyntheticFrame generate(int size, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		float[] pixels = new float[size * size];
		double gradientX = random.nextDouble(-0.3, 0.3);
		double gradientY = random.nextDouble(-0.3, 0.3);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				pixels[y * size + x] = (float) (0.5 + gradientX * (x - size / 2.0) / size
						+ gradientY * (y - size / 2.0) / size);
			}
		}
		for (int shape = 0; shape < SHAPES; shape++) {
			double centreX = random.nextDouble(size);
			double centreY = random.nextDouble(size);
			double radiusX = random.nextDouble(size / 16.0, size / 4.0);
			double radiusY = random.nextDouble(size / 16.0, size / 4.0);
			float intensity = (float) random.nextDouble(-0.4, 0.4);
			boolean ellipse = random.nextBoolean();
			int fromY = Math.max(0, (int) (centreY - radiusY));
			int toY = Math.min(size - 1, (int) (centreY + radiusY));
			int fromX = Math.max(0, (int) (centreX - radiusX));
			int toX = Math.min(size - 1, (int) (centreX + radiusX));
			for (int y = fromY; y <= toY; y++) {
				for (int x = fromX; x <= toX; x++) {
					double dx = (x - centreX) / radiusX;
					double dy = (y - centreY) / radiusY;
					if (!ellipse || dx * dx + dy * dy <= 1) {
						pixels[y * size + x] += intensity;
					}
				}
			}
		}
		for (int i = 0; i < pixels.length; i++) {
			float noisy = pixels[i] + (float) (random.nextGaussian() * NOISE);
			pixels[i] = Math.max(0f, Math.min(1f, noisy));
		}
		return new SyntheticFrame(size, pixels);
	}

}
