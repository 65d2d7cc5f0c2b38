package io.betapool.benchmarks.harness;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.betapool.benchmarks.workload.Phase;

/**
 * A closed loop: {@code outstanding} tasks in progress at all times. It submits that many at the
 * start, and each task, as it ends, submits its successor from the worker thread that ran it, with
 * the work of the phase current at that moment. After {@link #stop()} no successor is submitted.
 */
final class ClosedLoop implements Task.Listener {

	private final ExecutorService executor;

	private final List<Phase> phases;

	private final TaskRecorder recorder;

	private volatile int phase;

	private volatile boolean running = true;

	ClosedLoop(ExecutorService executor, List<Phase> phases, TaskRecorder recorder) {
		this.executor = executor;
		this.phases = phases;
		this.recorder = recorder;
	}

	void start(int outstanding) {
		for (int i = 0; i < outstanding; i++) {
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
