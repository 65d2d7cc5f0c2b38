package io.betapool.benchmarks.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.contender.RunningContender;
import io.betapool.benchmarks.result.CellResult;
import io.betapool.benchmarks.result.Figures;
import io.betapool.benchmarks.result.LoadMode;
import io.betapool.benchmarks.result.Sample;
import io.betapool.benchmarks.workload.Phase;
import io.betapool.benchmarks.workload.WorkloadSpec;
import io.betapool.control.CpuBudget;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Runs one cell: one workload through one contender under one load mode, following a
 * {@link Schedule}, sampling every {@value #SAMPLE_MILLIS} ms, and turns what it recorded into a
 * {@link CellResult}. A workload of bursts is measured from a cold start, with no warm-up.
 *
 * <p>The physical limit of a stretch is the mean over its time of
 * <pre>
 *   closed loop:  min(cores / c, N / (c + b), 1 / s)     N = the tasks the loop keeps outstanding
 *   open loop:    min(rate, cores / c, 1 / s)            rate = the offered arrival rate
 * </pre>
 * with the limit 0 in the gaps of on/off load — the most any pool could complete under that load on
 * this machine.
 */
final class CellRunner {

	static final long SAMPLE_MILLIS = 100;

	private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(SAMPLE_MILLIS);

	private static final Duration TERMINATION_TIMEOUT = Duration.ofSeconds(30);

	private final Durations durations;

	private final int cores;

	private final long seed;

	private final @Nullable Duration keepAlive;

	/** @param keepAlive the betapool contenders' keep-alive; {@code null} for the library's default */
	CellRunner(Durations durations, int cores, long seed, @Nullable Duration keepAlive) {
		this.durations = durations;
		this.cores = cores;
		this.seed = seed;
		this.keepAlive = keepAlive;
	}

	/**
	 * Runs the cell.
	 * @param rates for an open loop, the arrival rate of each phase in tasks per second; ignored for a closed loop
	 * @param round which measurement of this contender under this mode it is, from 1
	 */
	CellResult run(WorkloadSpec spec, Contender contender, LoadMode mode, double[] rates, int round)
			throws InterruptedException {
		Duration warmup = spec.isBursty() ? Duration.ZERO
				: contender.kind().isStatic() ? this.durations.staticWarmup() : this.durations.warmup();
		Schedule schedule = Schedule.of(spec, warmup, this.durations);
		System.gc();
		Thread.sleep(Math.max(1, this.durations.pause().toMillis()));
		double rssBaseline = ProcessMemory.megabytes();
		if (CpuBudget.shared().pools() > 0) {
			// every earlier cell's pool has terminated and left the JVM's budget; one that has not would share it
			System.err.println("warning: " + CpuBudget.shared() + " still holds a pool from an earlier cell");
		}
		RunningContender running = contender.start(this.keepAlive);
		try {
			long origin = System.nanoTime();
			TaskRecorder recorder = new TaskRecorder(origin, schedule, spec.phases().size(), mode.isClosed());
			Sampler sampler = new Sampler(running, contender, recorder::completedTotal, origin);
			ClosedLoop closed = null;
			Thread driver = null;
			if (mode.isClosed()) {
				closed = new ClosedLoop(running.executor(), spec.phases(), recorder);
				closed.start(spec.outstanding());
			}
			else {
				driver = new Thread(new OpenLoop(running.executor(), spec.phases(), schedule, rates, recorder, origin,
						this.seed), "open-loop-driver");
				driver.setDaemon(true);
				driver.start();
			}
			drive(schedule, origin, sampler, closed);
			long end = origin + schedule.end();
			if (closed != null) {
				closed.stop();
			}
			else {
				driver.join(Math.max(1, this.durations.drain().toMillis()));
				driver.interrupt();
				long drainEnd = end + this.durations.drain().toNanos();
				while (recorder.pendingMeasured() > 0 && System.nanoTime() - drainEnd < 0) {
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
				}
			}
			List<Runnable> left = running.executor().shutdownNow();
			long now = System.nanoTime();
			for (Runnable task : left) {
				if (task instanceof Task t) {
					recorder.unfinished(t, now);
				}
			}
			awaitTermination(running, contender);
			return result(spec, contender, round, mode, rates, schedule, recorder, sampler, rssBaseline);
		}
		finally {
			if (!running.executor().isTerminated()) {
				running.executor().shutdownNow();
			}
		}
	}

	private void drive(Schedule schedule, long origin, Sampler sampler, @Nullable ClosedLoop closed) {
		List<Schedule.Segment> segments = schedule.segments();
		int nextSegment = 1;
		long nextSample = 0;
		long measureStart = schedule.measureStart();
		long end = schedule.end();
		boolean measuring = false;
		while (true) {
			long offset = System.nanoTime() - origin;
			if (!measuring && offset >= measureStart) {
				measuring = true;
				sampler.startMeasure(origin + offset);
			}
			while (nextSegment < segments.size() && offset >= segments.get(nextSegment).start()) {
				Schedule.Segment segment = segments.get(nextSegment);
				if (closed != null) {
					closed.phase(segment.phase());
					if (segment.active()) {
						closed.resume();
					}
					else {
						closed.pause();
					}
				}
				nextSegment++;
			}
			if (offset >= end) {
				sampler.sample(origin + offset);
				sampler.endMeasure(origin + offset, measureStart / 1e9);
				return;
			}
			if (offset >= nextSample) {
				sampler.sample(origin + offset);
				nextSample += SAMPLE_NANOS;
			}
			long wake = Math.min(nextSample, end);
			if (nextSegment < segments.size()) {
				wake = Math.min(wake, segments.get(nextSegment).start());
			}
			if (!measuring) {
				wake = Math.min(wake, measureStart);
			}
			LockSupport.parkNanos(Math.max(1, wake - (System.nanoTime() - origin)));
		}
	}

	private static void awaitTermination(RunningContender running, Contender contender) throws InterruptedException {
		if (!running.executor().awaitTermination(TERMINATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			System.err.println("warning: " + contender.label() + " did not terminate within " + TERMINATION_TIMEOUT);
		}
	}

	private CellResult result(WorkloadSpec spec, Contender contender, int round, LoadMode mode, double[] rates,
			Schedule schedule, TaskRecorder recorder, Sampler sampler, double rssBaseline) {
		int phaseCount = spec.phases().size();
		Histogram[] histograms = new Histogram[phaseCount];
		for (int i = 0; i < phaseCount; i++) {
			histograms[i] = recorder.latencies(i);
		}
		List<Sample> samples = sampler.samples();
		List<Figures> phases = new ArrayList<>();
		Histogram all = histograms[0].copy();
		long completed = 0;
		long unfinished = 0;
		double limitSum = 0;
		for (int i = 0; i < phaseCount; i++) {
			if (i > 0) {
				all.add(histograms[i]);
			}
			Schedule.Segment segment = schedule.measured(i);
			double limit = limit(spec.phases().get(i), spec, mode, rates, i);
			completed += recorder.completions(i);
			unfinished += recorder.unfinished(i);
			limitSum += limit * schedule.activeNanos(i);
			if (spec.isPhaseShift()) {
				double phaseLimit = limit * schedule.activeNanos(i) / segment.length();
				phases.add(figures(spec.phases().get(i).name(), segment.start(), segment.end(), recorder.completions(i),
						histograms[i], recorder.unfinished(i), samples, phaseLimit));
			}
		}
		long measureStart = schedule.measureStart();
		long measured = schedule.end() - measureStart;
		Figures overall = figures(Figures.ALL, measureStart, schedule.end(), completed, all, unfinished, samples,
				limitSum / measured);
		double rssPeak = samples.stream()
			.filter((s) -> s.seconds() >= measureStart / 1e9)
			.mapToDouble(Sample::rssMb)
			.max()
			.orElse(Double.NaN);
		List<Double> offered = new ArrayList<>();
		if (!mode.isClosed()) {
			for (double rate : rates) {
				offered.add(rate);
			}
		}
		return new CellResult(spec.id(), mode, contender, round, offered, overall, phases, rssBaseline, rssPeak,
				sampler.cpuPercent(), recorder.failures(), sampler.decisions(), samples);
	}

	private double limit(Phase phase, WorkloadSpec spec, LoadMode mode, double[] rates, int index) {
		if (mode.isClosed()) {
			return phase.limit(this.cores, spec.outstanding());
		}
		return Math.min(rates[index], phase.limit(this.cores, Double.POSITIVE_INFINITY));
	}

	private static Figures figures(String name, long start, long end, long completed, Histogram latencies,
			long unfinished, List<Sample> samples, double limit) {
		double startSeconds = start / 1e9;
		double endSeconds = end / 1e9;
		double seconds = endSeconds - startSeconds;
		double peak = 0;
		double sum = 0;
		int count = 0;
		for (Sample sample : samples) {
			if (sample.seconds() >= startSeconds && sample.seconds() < endSeconds + SAMPLE_MILLIS / 1e3) {
				peak = Math.max(peak, sample.threads());
				sum += sample.threads();
				count++;
			}
		}
		long n = latencies.getTotalCount();
		return new Figures(name, startSeconds, seconds, completed, completed / seconds, percentileMs(latencies, 50),
				percentileMs(latencies, 99), percentileMs(latencies, 99.9), (n > 0) ? latencies.getMaxValue() / 1e6 : Double.NaN,
				n, unfinished, (count > 0) ? peak : Double.NaN, (count > 0) ? sum / count : Double.NaN, limit);
	}

	private static double percentileMs(Histogram histogram, double percentile) {
		return (histogram.getTotalCount() > 0) ? histogram.getValueAtPercentile(percentile) / 1e6 : Double.NaN;
	}

}
