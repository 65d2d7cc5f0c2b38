package io.betapool.benchmarks.harness;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * One submitted task: the workload's work wrapped with its submission time, so that its latency from
 * submission to completion, queue wait included, can be recorded when it ends.
 */
final class Task implements Runnable {

	/** When the task was submitted (open loop: when it was due to arrive), in {@link System#nanoTime()}. */
	final long submitNanos;

	/** The phase whose work this task runs. */
	final int phase;

	private final Callable<?> work;

	private final Listener listener;

	/**
	 * The work's result, kept so that the JIT cannot drop work whose result nobody reads: the generators'
	 * CPU loops have no other side effect.
	 */
	@Nullable Object result;

	Task(long submitNanos, int phase, Callable<?> work, Listener listener) {
		this.submitNanos = submitNanos;
		this.phase = phase;
		this.work = work;
		this.listener = listener;
	}

	@Override
	public void run() {
		Outcome outcome = Outcome.COMPLETED;
		try {
			this.result = this.work.call();
		}
		catch (InterruptedException ex) {
			outcome = Outcome.INTERRUPTED;
		}
		catch (Exception ex) {
			outcome = Outcome.FAILED;
		}
		this.listener.ended(this, System.nanoTime(), outcome);
	}

	/** How a task ended. */
	enum Outcome {

		/** It ran to its end. */
		COMPLETED,

		/** It was interrupted, which happens only when the cell stops its executor. */
		INTERRUPTED,

		/** It threw. */
		FAILED

	}

	/** Told when a task ends, on the thread that ran it. */
	interface Listener {

		void ended(Task task, long endNanos, Outcome outcome);

	}

}
