package io.betapool.sample.inference;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import io.betapool.sample.web.Inputs;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /inference?size=…}: classifies a generated frame through {@link EdgeInference}, which runs
 * on the adaptive pool.
 */
@RestController
public class InferenceController {

	/** Frame size used when a request does not give one. */
	public static final int DEFAULT_SIZE = 128;

	private final EdgeInference inference;

	InferenceController(EdgeInference inference) {
		this.inference = inference;
	}

	/**
	 * Classifies one frame.
	 * @param size width and height of the frame in pixels, 16 to 512, default 128; the work grows with
	 * its square
	 * @param seed the seed of the frame, random by default
	 */
	@GetMapping("/inference")
	public CompletableFuture<InferenceResult> inference(@RequestParam(required = false) @Nullable String size,
			@RequestParam(required = false) @Nullable String seed) {
		int frameSize = Inputs.wholeNumber("size", size, DEFAULT_SIZE, EdgeInference.MIN_SIZE, EdgeInference.MAX_SIZE);
		long frameSeed = Inputs.wholeNumber("seed", seed, ThreadLocalRandom.current().nextLong(), Long.MIN_VALUE,
				Long.MAX_VALUE);
		return this.inference.classify(frameSize, frameSeed);
	}

}
