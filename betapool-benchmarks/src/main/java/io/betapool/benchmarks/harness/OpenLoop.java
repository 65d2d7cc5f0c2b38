package io.betapool.benchmarks.harness;

import java.util.List;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

import io.betapool.benchmarks.workload.Phase;
import io.betapool.workload.PoissonArrivals;

/**
 * An open loop: tasks arrive at Poisson times ({@link PoissonArrivals}) at each phase's rate and are
 * submitted whatever the state of the pool. Each segment of the {@link Schedule} draws its own
 * seeded arrival schedule, so every contender sees the same arrivals; an inactive segment (a gap of
 * on/off load) has none.
 *
 * <p>Arrivals are paced against absolute due times: a late wake-up never shifts later arrivals, and a
 * task's latency is measured from its due time, not from when the driver got round to submitting it.
 */
final class OpenLoop implements Runnable, Task.Listener {

	private final ExecutorService executor;

	private final List<Phase> phases;

	private final Schedule schedule;

	private final double[] rates;

	private final TaskRecorder recorder;

	private final long origin;

	private final long seed;

	OpenLoop(ExecutorService executor, List<Phase> phases, Schedule schedule, double[] rates, TaskRecorder recorder,
			long origin, long seed) {
		this.executor = executor;
		this.phases = phases;
		this.schedule = schedule;
		this.rates = rates.clone();
		this.recorder = recorder;
		this.origin = origin;
		this.seed = seed;
	}

	@Override
	public void run() {
		int index = 0;
		for (Schedule.Segment segment : this.schedule.segments()) {
			if (!segment.active()) {
				index++;
				continue;
			}
			PoissonArrivals arrivals = new PoissonArrivals(this.rates[segment.phase()],
					new SplittableRandom(this.seed + index++));
			PrimitiveIterator.OfLong offsets = arrivals.schedule().iterator();
			while (offsets.hasNext()) {
				long due = segment.start() + offsets.nextLong();
				if (due >= segment.end()) {
					break;
				}
				long dueNanos = this.origin + due;
				long wait;
				while ((wait = dueNanos - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
					if (Thread.currentThread().isInterrupted()) {
						return;
					}
				}
				Task task = new Task(dueNanos, segment.phase(), this.phases.get(segment.phase()).task(), this);
				this.recorder.submitted(task);
				try {
					this.executor.execute(task);
				}
				catch (RejectedExecutionException ex) {
					this.recorder.unfinished(task, System.nanoTime());
					return;
				}
			}
		}
	}

	@Override
	public void ended(Task task, long endNanos, Task.Outcome outcome) {
		this.recorder.ended(task, endNanos, outcome);
	}

}
