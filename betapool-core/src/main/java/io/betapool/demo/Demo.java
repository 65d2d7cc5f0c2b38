package io.betapool.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.PoolMetrics;
import io.betapool.Policy;
import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import io.betapool.workload.WorkloadGenerator;

/**
 * Runs an adaptive pool of 1 to 64 threads through four phases — I/O-heavy, CPU-heavy, mixed, idle —
 * with 100 tasks outstanding, and prints once a second what the pool does and why.
 *
 * <pre>
 *   mvn -q -pl betapool-core compile exec:java                         # adaptive policy
 *   mvn -q -pl betapool-core compile exec:java -Dexec.args="seed"      # the seed's policy
 * </pre>
 */
public final class Demo {

	private static final int OUTSTANDING = 100;

	private final PrintStream out;

	private Demo(PrintStream out) {
		this.out = out;
	}

	public static void main(String[] args) throws InterruptedException {
		Policy policy = Policy.ADAPTIVE;
		if (args.length > 0) {
			try {
				policy = Policy.valueOf(args[0].toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				System.err.println("Unknown policy '" + args[0] + "': use adaptive or seed");
				System.exit(2);
			}
		}
		new Demo(System.out).run(policy, Duration.ofSeconds(10));
	}

	private void run(Policy policy, Duration phaseLength) throws InterruptedException {
		List<Phase> phases = List.of(new Phase("I/O: 10 ms waits", WorkloadGenerator.ioTask(10)),
				new Phase("CPU: 2 ms computing", WorkloadGenerator.cpuBurnTask(2)),
				new Phase("mixed: 2 ms CPU + 8 ms wait", WorkloadGenerator.variableLatencyTask(10, 10, 0.2)),
				new Phase("idle", null));
		ControllerConfig config = ControllerConfig.builder().policy(policy).build();
		try (AdaptiveThreadPoolExecutor executor = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(1)
			.maxWorkers(64)
			.config(config)
			.build()) {
			this.out.printf("BetaPool demo: %s policy, %d cores, %d tasks outstanding%n", policy,
					Runtime.getRuntime().availableProcessors(), OUTSTANDING);
			this.out.printf("%-30s %4s %8s %6s %6s %10s %10s%n", "phase", "s", "threads", "β", "cpu%", "tasks/s",
					"p99 ms");
			AtomicReference<Callable<?>> work = new AtomicReference<>(phases.get(0).task);
			Thread producer = new Thread(() -> produce(executor, work), "demo-producer");
			producer.start();
			int decisionsShown = 0;
			try {
				for (Phase phase : phases) {
					work.set(phase.task);
					for (int second = 1; second <= phaseLength.toSeconds(); second++) {
						Thread.sleep(1000);
						PoolMetrics m = executor.getMetrics();
						this.out.printf(Locale.ROOT, "%-30s %4d %8d %6.2f %6.0f %10.0f %10.1f%n", phase.name, second,
								m.currentThreads(), m.avgBlockingRatio(), m.cpuUtilization(), m.throughput(),
								m.p99Latency().toNanos() / 1e6);
						decisionsShown = printDecisions(executor, decisionsShown);
					}
				}
			}
			finally {
				producer.interrupt();
				producer.join();
			}
		}
	}

	private int printDecisions(AdaptiveThreadPoolExecutor executor, int shown) {
		long total = 0;
		for (ScalingAction action : ScalingAction.values()) {
			total += executor.getDecisionCount(action);
		}
		List<ScalingDecision> history = executor.getDecisionHistory();
		int fresh = (int) Math.min(history.size(), total - shown);
		for (ScalingDecision d : history.subList(history.size() - fresh, history.size())) {
			if (d.action() == ScalingAction.SCALE_UP || d.action() == ScalingAction.SCALE_DOWN) {
				this.out.printf("    %-10s %3d → %-3d %s%n", d.action(), d.threadsBefore(), d.threadsAfter(), d.reason());
			}
		}
		return (int) total;
	}

	private static void produce(AdaptiveThreadPoolExecutor executor, AtomicReference<Callable<?>> work) {
		Semaphore outstanding = new Semaphore(OUTSTANDING);
		try {
			while (!Thread.currentThread().isInterrupted()) {
				Callable<?> task = work.get();
				if (task == null) {
					TimeUnit.MILLISECONDS.sleep(50);
					continue;
				}
				outstanding.acquire();
				executor.execute(() -> {
					try {
						task.call();
					}
					catch (Exception ex) {
						// an interrupted task at the end of the demo
					}
					finally {
						outstanding.release();
					}
				});
			}
		}
		catch (InterruptedException | RejectedExecutionException ex) {
			// the demo is over
		}
	}

	private record Phase(String name, Callable<?> task) {
	}

}
