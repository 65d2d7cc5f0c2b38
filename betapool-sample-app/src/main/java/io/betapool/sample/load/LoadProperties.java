package io.betapool.sample.load;

import java.time.Duration;

import io.betapool.sample.inference.EdgeInference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one task of each workload does, under {@code sample.load}.
 *
 * @param ioLatency how long an {@code io} task blocks
 * @param cpuIterations how many mixing steps a {@code cpu} task computes (a few nanoseconds each)
 * @param inferenceSize width and height in pixels of the frames of {@code inference} tasks
 * @param mixedRagShare share of {@code mixed} tasks that are RAG questions, the rest being inference
 * frames; from 0 to 1
 */
@ConfigurationProperties("sample.load")
public record LoadProperties(@DefaultValue("100ms") Duration ioLatency, @DefaultValue("2000000") int cpuIterations,
		@DefaultValue("128") int inferenceSize, @DefaultValue("0.5") double mixedRagShare) {

	/**
	 * Checks the values.
	 */
	public LoadProperties {
		if (cpuIterations < 0) {
			throw new IllegalArgumentException("sample.load.cpu-iterations must be >= 0, but was " + cpuIterations);
		}
		if (inferenceSize < EdgeInference.MIN_SIZE || inferenceSize > EdgeInference.MAX_SIZE) {
			throw new IllegalArgumentException("sample.load.inference-size must be between " + EdgeInference.MIN_SIZE
					+ " and " + EdgeInference.MAX_SIZE + ", but was " + inferenceSize);
		}
		if (!(mixedRagShare >= 0 && mixedRagShare <= 1)) {
			throw new IllegalArgumentException("sample.load.mixed-rag-share must be between 0 and 1, but was "
					+ mixedRagShare);
		}
	}

}
