package io.betapool.sample.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.betapool.sample.inference.InferenceResult.Prediction;
import io.betapool.sample.inference.InferenceResult.Timings;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Classifies generated camera frames with a {@link TinyConvNet} on the application task executor: pure
 * CPU work, a blocking ratio near 0, for which more threads than cores only add contention.
 */
@Service
public class EdgeInference {

	/** Smallest frame size accepted. */
	public static final int MIN_SIZE = 16;

	/** Largest frame size accepted. */
	public static final int MAX_SIZE = 512;

	private static final int TOP = 3;

	private final TinyConvNet network = new TinyConvNet();

	/**
	 * Generates the frame of {@code size} × {@code size} pixels for {@code seed} and classifies it, on a
	 * worker of the adaptive pool.
	 */
	@Async
	public CompletableFuture<InferenceResult> classify(int size, long seed) {
		return CompletableFuture.completedFuture(classifyNow(size, seed));
	}

	/**
	 * Generates and classifies a frame on the calling thread.
	 */
	InferenceResult classifyNow(int size, long seed) {
		if (size < MIN_SIZE || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be between " + MIN_SIZE + " and " + MAX_SIZE + ", but was " + size);
		}
		long start = System.nanoTime();
		SyntheticFrame frame = SyntheticFrame.generate(size, seed);
		long generated = System.nanoTime();
		float[][] maps = this.network.convolve(frame);
		long convolved = System.nanoTime();
		double[] probabilities = this.network.classify(TinyConvNet.features(maps));
		long classified = System.nanoTime();
		List<Prediction> predictions = new ArrayList<>();
		for (int c = 0; c < probabilities.length; c++) {
			predictions.add(new Prediction(TinyConvNet.LABELS[c], Math.round(probabilities[c] * 10_000) / 10_000.0));
		}
		predictions.sort(Comparator.comparingDouble(Prediction::probability).reversed());
		List<Prediction> top = List.copyOf(predictions.subList(0, TOP));
		Timings timings = new Timings(millis(start, generated), millis(generated, convolved),
				millis(convolved, classified), millis(start, classified));
		return new InferenceResult(size, seed, top.get(0).label(), top, TinyConvNet.multiplyAdds(size), timings,
				Thread.currentThread().getName());
	}

	private static double millis(long from, long to) {
		return Math.round((to - from) / 1e3) / 1e3;
	}

}
