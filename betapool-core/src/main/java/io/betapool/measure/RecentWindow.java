package io.betapool.measure;

import java.time.Duration;

import org.HdrHistogram.Histogram;

/**
 * The recent past of a pool, bounded in memory: the latency and execution time of up to
 * {@value #CAPACITY} of the latest tasks, and the task counts of the last {@value #TICKS} controller
 * ticks. Percentiles come from an HdrHistogram (two significant digits) filled from the samples of
 * the window; throughput is the tasks of the window over its duration.
 *
 * <p>Used by the controller thread only; not thread-safe.
 */
public final class RecentWindow {

	/** How many controller ticks the window covers. */
	public static final int TICKS = 10;

	/** How many task samples the window keeps at most. */
	public static final int CAPACITY = 4096;

	private static final long HIGHEST_TRACKABLE_NANOS = Duration.ofHours(1).toNanos();

	private final long[] latencies = new long[CAPACITY];

	private final long[] executions = new long[CAPACITY];

	private final long[] sampleTicks = new long[CAPACITY];

	private long samples;

	private final long[] tickTasks = new long[TICKS];

	private final long[] tickNanos = new long[TICKS];

	private long tick;

	private final Histogram histogram = new Histogram(1000, HIGHEST_TRACKABLE_NANOS, 2);

	/**
	 * Adds one task's times to the current tick. Times above one hour count as one hour.
	 */
	public void record(long latencyNanos, long executionNanos) {
		int slot = (int) (this.samples++ % CAPACITY);
		this.latencies[slot] = latencyNanos;
		this.executions[slot] = executionNanos;
		this.sampleTicks[slot] = this.tick;
	}

	/**
	 * Closes the current tick with the number of tasks it completed (sampled or not) and its length.
	 */
	public void endTick(long tasks, long intervalNanos) {
		int slot = (int) (this.tick % TICKS);
		this.tickTasks[slot] = tasks;
		this.tickNanos[slot] = intervalNanos;
		this.tick++;
	}

	/**
	 * Tasks per second over the ticks of the window.
	 */
	public double throughput() {
		long tasks = 0;
		long nanos = 0;
		for (int i = 0; i < Math.min(this.tick, TICKS); i++) {
			tasks += this.tickTasks[i];
			nanos += this.tickNanos[i];
		}
		return (nanos > 0) ? tasks * 1e9 / nanos : 0.0;
	}

	/** The latency at the given percentile over the window; zero when it holds no task. */
	public Duration latencyAt(double percentile) {
		return percentile(this.latencies, percentile);
	}

	/** The execution time at the given percentile over the window; zero when it holds no task. */
	public Duration executionAt(double percentile) {
		return percentile(this.executions, percentile);
	}

	/**
	 * Tasks per second over the ticks of the window and a tick in progress.
	 * @param tasks tasks completed since the last tick
	 * @param nanos time since the last tick
	 */
	public double throughputWith(long tasks, long nanos) {
		long total = tasks;
		long span = Math.max(0, nanos);
		for (int i = 0; i < Math.min(this.tick, TICKS); i++) {
			total += this.tickTasks[i];
			span += this.tickNanos[i];
		}
		return (span > 0) ? total * 1e9 / span : 0.0;
	}

	/**
	 * A percentile of latency or execution time over the window and the samples of a tick in progress.
	 * @param latency whether to read latencies (else execution times)
	 * @param extra samples since the last tick, in {@code extra[0..count)}
	 */
	public Duration percentileWith(boolean latency, double percentile, long[] extra, int count) {
		fill(latency ? this.latencies : this.executions);
		for (int i = 0; i < count; i++) {
			record(extra[i]);
		}
		return at(percentile);
	}

	private Duration percentile(long[] values, double percentile) {
		fill(values);
		return at(percentile);
	}

	private void fill(long[] values) {
		this.histogram.reset();
		long oldestTick = this.tick - TICKS;
		int count = (int) Math.min(this.samples, CAPACITY);
		for (int i = 0; i < count; i++) {
			if (this.sampleTicks[i] >= oldestTick) {
				record(values[i]);
			}
		}
	}

	private void record(long nanos) {
		this.histogram.recordValue(Math.max(1000, Math.min(HIGHEST_TRACKABLE_NANOS, nanos)));
	}

	private Duration at(double percentile) {
		if (this.histogram.getTotalCount() == 0) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(this.histogram.getValueAtPercentile(percentile));
	}

}
