package io.betapool.benchmarks.contender;

/**
 * The kinds of executor the benchmarks compare.
 */
public enum ContenderKind {

	/** A {@link java.util.concurrent.ThreadPoolExecutor} of fixed size with an unbounded queue. */
	STATIC,

	/**
	 * The best static size of the sweep, measured again in a cell of its own. The sweep's best is the
	 * highest of a dozen noisy cells, so its own figure is biased upwards; comparisons use this one.
	 */
	STATIC_REPEAT,

	/** Spring Boot's default {@code applicationTaskExecutor} settings on a plain {@link java.util.concurrent.ThreadPoolExecutor}. */
	SPRING_DEFAULT,

	/** One virtual thread per task (JDK 21 and later). */
	VIRTUAL_THREADS,

	/** betapool with the seed library's policy. */
	BETAPOOL_SEED,

	/** betapool with its default, adaptive policy. */
	BETAPOOL_ADAPTIVE;

	/** Whether this is a fixed-size {@link java.util.concurrent.ThreadPoolExecutor}. */
	public boolean isStatic() {
		return this == STATIC || this == STATIC_REPEAT;
	}

	/** Whether this is a betapool executor. */
	public boolean isBetapool() {
		return this == BETAPOOL_SEED || this == BETAPOOL_ADAPTIVE;
	}

}
