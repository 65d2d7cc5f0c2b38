package io.betapool.benchmarks.workload;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One kind of work in a workload: the task it submits and its nominal times, from which the blocking
 * ratio and the physical limit follow:
 * <pre>
 *   β = b / (c + b)
 *   X ≤ min(cores / c, N / (c + b), 1 / s)      see {@link PhysicalLimit}
 * </pre>
 *
 * @param name a short name, such as {@code "CPU"}
 * @param description what a task does, in a few words
 * @param cpuMs nominal CPU time of a task, c
 * @param blockMs nominal blocking time of a task, b
 * @param serialMs the part of c spent under a lock shared by every task, s (0 when there is none)
 * @param task the task, stateless and callable from any thread
 */
public record Phase(String name, String description, double cpuMs, double blockMs, double serialMs,
		Callable<?> task) {

	public Phase {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(task, "task");
		PhysicalLimit.kneeThreads(1, cpuMs, blockMs, serialMs);
	}

	/** The nominal blocking ratio {@code β = b / (c + b)}; 0 for a task with no time at all. */
	public double beta() {
		double wall = this.cpuMs + this.blockMs;
		return (wall > 0) ? this.blockMs / wall : 0.0;
	}

	/** The physical limit in tasks per second with {@code concurrency} tasks in progress. */
	public double limit(int cores, double concurrency) {
		return PhysicalLimit.throughput(cores, this.cpuMs, this.blockMs, this.serialMs, concurrency);
	}

	/** The knee of the physical limit, in threads. */
	public double knee(int cores) {
		return PhysicalLimit.kneeThreads(cores, this.cpuMs, this.blockMs, this.serialMs);
	}

}
