package io.betapool.sample.inference;

import java.util.List;

/**
 * What the edge classifier saw in one frame.
 *
 * @param size the frame's width and height in pixels
 * @param seed the seed the frame was generated from
 * @param label the most likely class
 * @param top the three most likely classes, most likely first
 * @param multiplyAdds multiply-adds of the forward pass
 * @param timings the time each step took
 * @param thread the worker thread of the adaptive pool that ran the inference
 */
public record InferenceResult(int size, long seed, String label, List<Prediction> top, long multiplyAdds,
		Timings timings, String thread) {

	/**
	 * One class and its probability.
	 *
	 * @param label the class
	 * @param probability its softmax probability, from 0 to 1
	 */
	public record Prediction(String label, double probability) {

	}

	/**
	 * Wall time of each step, in milliseconds.
	 *
	 * @param generateMs generating the frame
	 * @param convolutionMs both convolution blocks
	 * @param classifyMs features, dense layer and softmax
	 * @param totalMs the whole inference
	 */
	public record Timings(double generateMs, double convolutionMs, double classifyMs, double totalMs) {

	}

}
