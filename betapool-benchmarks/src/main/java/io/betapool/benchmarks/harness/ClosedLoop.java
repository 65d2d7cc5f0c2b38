package io.betapool.benchmarks.harness;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.betapool.benchmarks.workload.Phase;

/**
 * A closed loop: {@code outstanding} tasks in progress at all times. It submits that many at the
 * start, and each task, as it ends, submits its successor from the worker thread that ran it, with
 * the work of the phase current at that moment. After {@link #stop()} no successor is submitted.
 *
 * <p>For on/off load, {@link #pause()} stops successors the same way, and {@link #resume()} submits
 * as many tasks as are needed to have {@code outstanding} in progress again (a task ending at that very
 * moment may leave it one short).
 */
final class ClosedLoop implements Task.Listener {

	private final ExecutorService executor;

	private final List<Phase> phases;

	private final TaskRecorder recorder;

	private volatile int phase;

	private final AtomicInteger inProgress = new AtomicInteger();

	private volatile boolean running = true;

	private int outstanding;

	ClosedLoop(ExecutorService executor, List<Phase> phases, TaskRecorder recorder) {
		this.executor = executor;
		this.phases = phases;
		this.recorder = recorder;
	}

	void start(int outstanding) {
		this.outstanding = outstanding;
		for (int i = 0; i < outstanding; i++) {
			this.inProgress.incrementAndGet();
			submit();
		}
	}

	/** Submits no successor until {@link #resume()}: the gap of on/off load. */
	void pause() {
		this.running = false;
	}

	/** Tops the tasks in progress up to {@code outstanding} again and resumes submitting successors. */
	void resume() {
		this.running = true;
		int missing = this.outstanding - this.inProgress.get();
		for (int i = 0; i < missing; i++) {
			this.inProgress.incrementAndGet();
			submit();
		}
	}

	/** Switches the work of the tasks submitted from now on. */
	void phase(int phase) {
		this.phase = phase;
	}

	void stop() {
		this.running = false;
	}

	@Override
	public void ended(Task task, long endNanos, Task.Outcome outcome) {
		this.recorder.ended(task, endNanos, outcome);
		if (this.running) {
			submit();
		}
		else {
			this.inProgress.decrementAndGet();
		}
	}

	private void submit() {
		int current = this.phase;
		try {
			this.executor.execute(new Task(System.nanoTime(), current, this.phases.get(current).task(), this));
		}
		catch (RejectedExecutionException ex) {
			if (!this.executor.isShutdown()) {
				throw ex;
			}
		}
	}

}
