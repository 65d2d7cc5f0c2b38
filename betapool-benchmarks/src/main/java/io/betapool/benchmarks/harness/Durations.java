package io.betapool.benchmarks.harness;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each part of a cell lasts.
 *
 * <p>Static pools need only the JIT warmed up, so they get the shorter {@code staticWarmup}; executors
 * that size themselves get {@code warmup}, long enough for betapool's controller (a tick every 500 ms)
 * to converge before measuring starts. Every contender is measured for the same time.
 *
 * @param warmup time before measuring, for contenders that size themselves
 * @param staticWarmup time before measuring, for fixed-size pools
 * @param measure measured time of a steady workload
 * @param phase measured time of each phase of a shifting workload
 * @param drain how long an open loop waits after its last arrival for measured tasks to finish; what is
 *        left unfinished then is recorded with its age
 * @param pause quiet time between cells, after a garbage collection, before the memory baseline is read
 */
public record Durations(Duration warmup, Duration staticWarmup, Duration measure, Duration phase, Duration drain,
		Duration pause) {

	public Durations {
		Objects.requireNonNull(warmup, "warmup");
		Objects.requireNonNull(staticWarmup, "staticWarmup");
		Objects.requireNonNull(measure, "measure");
		Objects.requireNonNull(phase, "phase");
		Objects.requireNonNull(drain, "drain");
		Objects.requireNonNull(pause, "pause");
	}

	/** The published run: 5 s (2 s static) warm-up, 10 s measured, 8 s per phase, 1 s drain, 0.25 s pause. */
	public static Durations full() {
		return new Durations(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10),
				Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ofMillis(250));
	}

	/** The smoke run: every part a few hundred milliseconds. */
	public static Durations quick() {
		return new Durations(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(300),
				Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(20));
	}

}
