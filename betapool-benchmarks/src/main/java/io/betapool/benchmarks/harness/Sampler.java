package io.betapool.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ScalingAction;
import io.betapool.ScalingDecision;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.contender.RunningContender;
import io.betapool.benchmarks.result.DecisionSummary;
import io.betapool.benchmarks.result.Sample;
import org.jspecify.annotations.Nullable;

/**
 * Watches a running contender: samples its platform threads, the tasks completed, resident memory
 * and (for betapool) the controller's β and target size on every call to {@link #sample}; reads the
 * process's CPU time and the controller's decision counts at the start and end of the measurement.
 */
final class Sampler {

	private final RunningContender running;

	private final Contender contender;

	private final LongSupplier completed;

	private final long origin;

	private final List<Sample> samples = new ArrayList<>();

	private final com.sun.management.@Nullable OperatingSystemMXBean os = operatingSystem();

	private long cpuAtStart;

	private long nanosAtStart;

	private double cpuPercent = Double.NaN;

	private Instant measureStart = Instant.EPOCH;

	private final Map<ScalingAction, Long> countsAtStart = new EnumMap<>(ScalingAction.class);

	private @Nullable DecisionSummary decisions;

	Sampler(RunningContender running, Contender contender, LongSupplier completed, long origin) {
		this.running = running;
		this.contender = contender;
		this.completed = completed;
		this.origin = origin;
	}

	void sample(long now) {
		AdaptiveThreadPoolExecutor betapool = this.running.betapool();
		double beta = Double.NaN;
		int target = (this.contender.size() > 0) ? this.contender.size() : -1;
		if (betapool != null) {
			beta = betapool.getMetrics().avgBlockingRatio();
			target = betapool.getTargetPoolSize();
		}
		this.samples.add(new Sample((now - this.origin) / 1e9, this.running.threadCount().getAsInt(),
				this.completed.getAsLong(), beta, target, ProcessMemory.megabytes()));
	}

	void startMeasure(long now) {
		this.nanosAtStart = now;
		this.cpuAtStart = processCpuNanos();
		this.measureStart = Instant.now();
		AdaptiveThreadPoolExecutor betapool = this.running.betapool();
		if (betapool != null) {
			for (ScalingAction action : ScalingAction.values()) {
				this.countsAtStart.put(action, betapool.getDecisionCount(action));
			}
		}
	}

	void endMeasure(long now, double measureStartSeconds) {
		long cpu = processCpuNanos();
		if (cpu >= 0 && this.cpuAtStart >= 0 && now > this.nanosAtStart) {
			int cores = Runtime.getRuntime().availableProcessors();
			this.cpuPercent = 100.0 * (cpu - this.cpuAtStart) / ((double) (now - this.nanosAtStart) * cores);
		}
		AdaptiveThreadPoolExecutor betapool = this.running.betapool();
		if (betapool != null) {
			Map<ScalingAction, Long> counts = new EnumMap<>(ScalingAction.class);
			for (ScalingAction action : ScalingAction.values()) {
				counts.put(action, betapool.getDecisionCount(action) - this.countsAtStart.getOrDefault(action, 0L));
			}
			Map<ScalingAction, String> latest = new EnumMap<>(ScalingAction.class);
			for (ScalingDecision decision : betapool.getDecisionHistory()) {
				if (!decision.timestamp().isBefore(this.measureStart)) {
					latest.put(decision.action(), decision.reason());
				}
			}
			double meanTarget = this.samples.stream()
				.filter((s) -> s.seconds() >= measureStartSeconds)
				.mapToInt(Sample::target)
				.average()
				.orElse(Double.NaN);
			this.decisions = new DecisionSummary(counts, latest, meanTarget);
		}
	}

	List<Sample> samples() {
		return this.samples;
	}

	double cpuPercent() {
		return this.cpuPercent;
	}

	@Nullable DecisionSummary decisions() {
		return this.decisions;
	}

	private long processCpuNanos() {
		return (this.os != null) ? this.os.getProcessCpuTime() : -1;
	}

	private static com.sun.management.@Nullable OperatingSystemMXBean operatingSystem() {
		return (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean)
				? bean : null;
	}

}
