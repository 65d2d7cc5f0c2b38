package io.betapool.benchmarks.twopools;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed loop on one executor: {@code outstanding} tasks in progress, each submitting its successor
 * from the thread that ran it. Records, for the tasks that end before {@link #stop()}, how many ended and
 * their latency from submission to end.
 */
final class ClosedLoad {

	private final ExecutorService executor;

	private final Callable<?> work;

	private final Recorder latencies = new Recorder(3);

	private final LongAdder completed = new LongAdder();

	private volatile boolean running = true;

	/** Written with every result so that the work cannot be removed as dead code. */
	@SuppressWarnings("unused")
	private volatile Object sink;

	ClosedLoad(ExecutorService executor, Callable<?> work) {
		this.executor = executor;
		this.work = work;
	}

	void start(int outstanding) {
		for (int i = 0; i < outstanding; i++) {
			submit();
		}
	}

	/** Stops counting and submitting; tasks still running end unrecorded. */
	void stop() {
		this.running = false;
	}

	long completed() {
		return this.completed.sum();
	}

	Histogram latencies() {
		return this.latencies.getIntervalHistogram();
	}

	private void submit() {
		long submitted = System.nanoTime();
		try {
			this.executor.execute(() -> run(submitted));
		}
		catch (RejectedExecutionException ex) {
			if (!this.executor.isShutdown()) {
				throw ex;
			}
		}
	}

	private void run(long submitted) {
		try {
			this.sink = this.work.call();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (Exception ex) {
			throw new IllegalStateException("a benchmark task failed", ex);
		}
		if (this.running) {
			this.latencies.recordValue(Math.max(1, System.nanoTime() - submitted));
			this.completed.increment();
			submit();
		}
	}

}
