package io.betapool.sample.load;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import io.betapool.workload.WorkloadGenerator;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Synthetic tasks from the core's {@link WorkloadGenerator}, on the application task executor: the
 * {@code io} and {@code cpu} workloads, whose blocking ratios are exactly 1 and 0.
 */
@Service
public class SyntheticWork {

	/**
	 * Blocks for {@code duration}, as a call to a slow service would, and returns the time it blocked.
	 */
	@Async
	public CompletableFuture<Duration> block(Duration duration) {
		return run(WorkloadGenerator.ioTask(duration.toNanos() / 1e6));
	}

	/**
	 * Computes {@code iterations} mixing steps and returns their result.
	 */
	@Async
	public CompletableFuture<Long> compute(int iterations) {
		return run(WorkloadGenerator.cpuTask(iterations));
	}

	private static <T> CompletableFuture<T> run(Callable<T> task) {
		try {
			return CompletableFuture.completedFuture(task.call());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return CompletableFuture.failedFuture(ex);
		}
		catch (Exception ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
