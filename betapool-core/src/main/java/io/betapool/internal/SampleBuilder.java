package io.betapool.internal;

import java.time.Clock;
import java.util.function.Supplier;

import io.betapool.control.ControlSample;
import io.betapool.measure.CpuProbe;
import org.jspecify.annotations.Nullable;

/**
 * Turns one interval's worker sums and the pool's state into the {@link ControlSample} a policy
 * decides on. Owns the CPU probe: a failing probe is logged once and the sample carries NaN.
 */
final class SampleBuilder {

	private final Clock clock;

	private final int cores;

	private final Supplier<CpuProbe> cpuProbeFactory;

	private final System.Logger logger;

	private @Nullable CpuProbe cpuProbe;

	private boolean cpuProbeFailed;

	private long completedTotal;

	private long failedTotal;

	SampleBuilder(Clock clock, int cores, Supplier<CpuProbe> cpuProbeFactory, System.Logger logger) {
		this.clock = clock;
		this.cores = cores;
		this.cpuProbeFactory = cpuProbeFactory;
		this.logger = logger;
	}

	ControlSample build(long now, long intervalNanos, WorkerSampler.Interval sums, int currentThreads, int minWorkers,
			int maxWorkers, int queueSize) {
		this.completedTotal += sums.tasks;
		this.failedTotal += sums.failed;
		return new ControlSample(now, this.clock.instant(), currentThreads, minWorkers, maxWorkers, this.cores,
				queueSize, sums.active, this.completedTotal, sums.tasks, (double) sums.busy / intervalNanos,
				sums.blockingRatio(), sums.rawBlockingRatio(), sums.runQueueShare(), readCpu(),
				sums.tasks * 1e9 / intervalNanos,
				(sums.executionSum > 0) ? (double) sums.queueWaitSum / sums.executionSum : Double.NaN);
	}

	/** The wall-clock time, for decisions taken outside a tick. */
	java.time.Instant now() {
		return this.clock.instant();
	}

	long completedTotal() {
		return this.completedTotal;
	}

	long failedTotal() {
		return this.failedTotal;
	}

	/** CPU utilisation, or NaN when the probe fails. */
	private double readCpu() {
		try {
			if (this.cpuProbe == null) {
				this.cpuProbe = this.cpuProbeFactory.get();
			}
			double cpu = this.cpuProbe.cpuPercent();
			this.cpuProbeFailed = false;
			return cpu;
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			if (!this.cpuProbeFailed) {
				this.logger.log(System.Logger.Level.WARNING, "CPU probe failed; deciding without CPU utilisation", ex);
				this.cpuProbeFailed = true;
			}
			return Double.NaN;
		}
	}

}
