package io.betapool.sample.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.betapool.sample.load.LoadStatus.CurrentPhase;
import io.betapool.workload.PoissonArrivals;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs one load plan at a time, open loop: a single driver thread submits each task at its arrival
 * time, drawn from a {@link PoissonArrivals} process at the phase's rate, whether or not earlier tasks
 * have finished, as independent clients would. Starting a plan stops the one running; the driver stops
 * with the application context, before the executor.
 *
 * <p>Thread-safe: {@link #startPlan}, {@link #stopPlan} and {@link #status} may be called from any thread.
 */
@Component
public class LoadDriver implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LoadDriver.class);

	private static final long STOP_TIMEOUT_SECONDS = 10;

	private final Workloads workloads;

	private final Object lock = new Object();

	/** The latest run, running or not; guarded by {@link #lock} for writes, read without it. */
	private volatile @Nullable Run latest;

	private volatile boolean lifecycleRunning;

	LoadDriver(Workloads workloads) {
		this.workloads = workloads;
	}

	/**
	 * Stops the running plan, if any, and starts {@code plan}.
	 * @return the status right after the start
	 */
	public LoadStatus startPlan(LoadPlan plan) {
		return startPlan(plan, Duration.ZERO);
	}

	/**
	 * Stops the running plan, if any, and starts {@code plan}, whose first phase begins after
	 * {@code delay}.
	 * @return the status right after the start
	 */
	public LoadStatus startPlan(LoadPlan plan, Duration delay) {
		synchronized (this.lock) {
			stopLatest();
			Run run = new Run(plan, delay);
			this.latest = run;
			run.thread.start();
			logger.info("Load plan started: {}", plan);
			return run.status();
		}
	}

	/**
	 * Stops the running plan, if any.
	 * @return the status after the stop
	 */
	public LoadStatus stopPlan() {
		synchronized (this.lock) {
			stopLatest();
			return status();
		}
	}

	/**
	 * What the driver is doing now.
	 */
	public LoadStatus status() {
		Run run = this.latest;
		return (run != null) ? run.status() : LoadStatus.none();
	}

	private void stopLatest() {
		Run run = this.latest;
		if (run == null || !run.thread.isAlive()) {
			return;
		}
		run.stopRequested = true;
		run.thread.interrupt();
		try {
			run.thread.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (run.thread.isAlive()) {
			logger.warn("The load driver did not stop within {} s", STOP_TIMEOUT_SECONDS);
		}
	}

	@Override
	public void start() {
		this.lifecycleRunning = true;
	}

	@Override
	public void stop() {
		stopPlan();
		this.lifecycleRunning = false;
	}

	@Override
	public boolean isRunning() {
		return this.lifecycleRunning;
	}

	/**
	 * Stops early, before the web server and the executor stop.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	/**
	 * The phase a run is in, published as one value so that readers never mix two phases.
	 *
	 * @param cycle how many times the plan has started, from 1
	 * @param index the phase's position in the plan
	 * @param startNanos when the phase started, by {@link System#nanoTime()}
	 */
	private record Position(int cycle, int index, long startNanos) {

	}

	/**
	 * One run of a plan on its own driver thread.
	 */
	private final class Run implements Runnable {

		private final LoadPlan plan;

		private final Duration delay;

		private final Instant startedAt = Instant.now();

		private final Thread thread;

		private final SplittableRandom random = new SplittableRandom();

		private final AtomicLong submitted = new AtomicLong();

		private final AtomicLong completed = new AtomicLong();

		private final AtomicLong failed = new AtomicLong();

		private final AtomicLong rejected = new AtomicLong();

		private volatile @Nullable String lastFailure;

		/** Where the run is; {@code null} before its first phase. */
		private volatile @Nullable Position position;

		private volatile boolean finished;

		private volatile boolean stopRequested;

		Run(LoadPlan plan, Duration delay) {
			this.plan = plan;
			this.delay = delay;
			this.thread = new Thread(this, "load-driver");
			this.thread.setDaemon(true);
		}

		@Override
		public void run() {
			try {
				TimeUnit.NANOSECONDS.sleep(this.delay.toNanos());
				int cycle = 0;
				do {
					cycle++;
					List<LoadPhase> phases = this.plan.phases();
					for (int i = 0; i < phases.size(); i++) {
						this.position = new Position(cycle, i, System.nanoTime());
						runPhase(phases.get(i));
					}
				}
				while (this.plan.repeat());
			}
			catch (InterruptedException ex) {
				// Stopped: the run ends here.
			}
			finally {
				this.finished = true;
			}
		}

		private void runPhase(LoadPhase phase) throws InterruptedException {
			if (phase.workload() == Workload.IDLE) {
				TimeUnit.NANOSECONDS.sleep(phase.duration().toNanos());
				return;
			}
			new PoissonArrivals(phase.ratePerSecond(), this.random).drive(phase.duration(),
					() -> submit(phase.workload()));
		}

		private void submit(Workload workload) {
			CompletableFuture<?> task;
			try {
				task = LoadDriver.this.workloads.start(workload, this.random);
			}
			catch (RejectedExecutionException ex) {
				this.rejected.incrementAndGet();
				return;
			}
			catch (RuntimeException ex) {
				this.submitted.incrementAndGet();
				this.failed.incrementAndGet();
				this.lastFailure = describe(ex);
				return;
			}
			this.submitted.incrementAndGet();
			task.whenComplete((result, failure) -> {
				if (failure == null) {
					this.completed.incrementAndGet();
				}
				else {
					this.failed.incrementAndGet();
					Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
							? failure.getCause() : failure;
					this.lastFailure = describe(cause);
				}
			});
		}

		private static String describe(Throwable failure) {
			return failure.getClass().getSimpleName() + ": " + failure.getMessage();
		}

		LoadStatus status() {
			boolean running = !this.finished;
			String state = running ? "running" : (this.stopRequested ? "stopped" : "finished");
			Position at = this.position;
			CurrentPhase current = null;
			if (running && at != null) {
				LoadPhase phase = this.plan.phases().get(at.index());
				double elapsed = Math.min(phase.durationSeconds(), (System.nanoTime() - at.startNanos()) / 1e9);
				current = new CurrentPhase(at.index(), phase.name(), phase.workload(), phase.ratePerSecond(),
						phase.durationSeconds(), Math.round(elapsed * 10) / 10.0);
			}
			int cycle = (at != null) ? at.cycle() : 0;
			return new LoadStatus(state, running, this.startedAt.toString(), cycle, current, this.plan,
					this.submitted.get(), this.completed.get(), this.failed.get(), this.rejected.get(),
					this.lastFailure);
		}

	}

}
