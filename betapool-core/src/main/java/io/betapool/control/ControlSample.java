package io.betapool.control;

import java.time.Instant;
import java.util.Objects;

/**
 * What the controller measured over one interval: the whole input of a {@link ScalingPolicy}.
 * Time arrives as data ({@code nanoTime} from the pool's ticker), so policies are pure and testable
 * without threads or sleeps. Ratios are {@code NaN} when the interval gave nothing to compute them from.
 *
 * @param nanoTime the ticker's reading at the end of the interval; compare readings only by subtraction
 * @param timestamp the wall-clock time of the sample, for the decision record
 * @param currentThreads the size the pool is set to
 * @param minWorkers the smallest size allowed
 * @param maxWorkers the largest size allowed
 * @param cores the processors available to this JVM (container limits included)
 * @param queueSize tasks waiting for a thread when the sample was taken
 * @param activeThreads workers running a task when the sample was taken
 * @param completedTasks tasks completed since the pool started
 * @param intervalTasks tasks completed during the interval
 * @param busyThreads the mean number of workers running a task during the interval
 * @param blockingRatio β of the interval corrected for run-queue delay:
 *        {@code 1 - cpu / (busy - runQueueDelay)}; without scheduler statistics, equal to the raw ratio
 * @param rawBlockingRatio β of the interval as the seed measures it: {@code 1 - cpu / busy}
 * @param runQueueShare the share of busy time workers spent runnable but waiting for a core,
 *        {@code NaN} where the platform does not report it
 * @param cpuPercent CPU utilisation in percent, the larger of the system's and this process's share of
 *        its processors; {@code NaN} when unknown
 * @param throughput tasks completed per second during the interval
 * @param queueWaitRatio mean time queued divided by mean time running, over the tasks completed in the
 *        interval
 */
public record ControlSample(long nanoTime, Instant timestamp, int currentThreads, int minWorkers, int maxWorkers,
		int cores, int queueSize, int activeThreads, long completedTasks, long intervalTasks, double busyThreads,
		double blockingRatio, double rawBlockingRatio, double runQueueShare, double cpuPercent, double throughput,
		double queueWaitRatio) {

	public ControlSample {
		Objects.requireNonNull(timestamp, "timestamp");
	}

	/**
	 * Whether work is waiting for a thread: tasks are queued now, or the tasks of the interval waited
	 * in the queue for more than a tenth of their running time.
	 */
	public boolean workIsWaiting() {
		return this.queueSize > 0 || this.queueWaitRatio > 0.1;
	}

	/**
	 * A builder, for tests and tools; every field starts at zero or {@code NaN}.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link ControlSample} field by field.
	 */
	public static final class Builder {

		private long nanoTime;

		private Instant timestamp = Instant.EPOCH;

		private int currentThreads = 1;

		private int minWorkers = 1;

		private int maxWorkers = 1;

		private int cores = 1;

		private int queueSize;

		private int activeThreads;

		private long completedTasks;

		private long intervalTasks;

		private double busyThreads;

		private double blockingRatio = Double.NaN;

		private double rawBlockingRatio = Double.NaN;

		private double runQueueShare = Double.NaN;

		private double cpuPercent = Double.NaN;

		private double throughput;

		private double queueWaitRatio = Double.NaN;

		private Builder() {
		}

		public Builder nanoTime(long nanoTime) {
			this.nanoTime = nanoTime;
			return this;
		}

		public Builder timestamp(Instant timestamp) {
			this.timestamp = timestamp;
			return this;
		}

		public Builder currentThreads(int currentThreads) {
			this.currentThreads = currentThreads;
			return this;
		}

		public Builder bounds(int minWorkers, int maxWorkers) {
			this.minWorkers = minWorkers;
			this.maxWorkers = maxWorkers;
			return this;
		}

		public Builder cores(int cores) {
			this.cores = cores;
			return this;
		}

		public Builder queueSize(int queueSize) {
			this.queueSize = queueSize;
			return this;
		}

		public Builder activeThreads(int activeThreads) {
			this.activeThreads = activeThreads;
			return this;
		}

		public Builder completedTasks(long completedTasks) {
			this.completedTasks = completedTasks;
			return this;
		}

		public Builder intervalTasks(long intervalTasks) {
			this.intervalTasks = intervalTasks;
			return this;
		}

		public Builder busyThreads(double busyThreads) {
			this.busyThreads = busyThreads;
			return this;
		}

		public Builder blockingRatio(double blockingRatio) {
			this.blockingRatio = blockingRatio;
			return this;
		}

		public Builder rawBlockingRatio(double rawBlockingRatio) {
			this.rawBlockingRatio = rawBlockingRatio;
			return this;
		}

		public Builder runQueueShare(double runQueueShare) {
			this.runQueueShare = runQueueShare;
			return this;
		}

		public Builder cpuPercent(double cpuPercent) {
			this.cpuPercent = cpuPercent;
			return this;
		}

		public Builder throughput(double throughput) {
			this.throughput = throughput;
			return this;
		}

		public Builder queueWaitRatio(double queueWaitRatio) {
			this.queueWaitRatio = queueWaitRatio;
			return this;
		}

		public ControlSample build() {
			return new ControlSample(this.nanoTime, this.timestamp, this.currentThreads, this.minWorkers,
					this.maxWorkers, this.cores, this.queueSize, this.activeThreads, this.completedTasks,
					this.intervalTasks, this.busyThreads, this.blockingRatio, this.rawBlockingRatio,
					this.runQueueShare, this.cpuPercent, this.throughput, this.queueWaitRatio);
		}

	}

}
