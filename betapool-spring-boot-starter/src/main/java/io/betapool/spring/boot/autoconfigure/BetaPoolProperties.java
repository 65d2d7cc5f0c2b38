package io.betapool.spring.boot.autoconfigure;

import java.time.Duration;

import io.betapool.ControllerConfig;
import io.betapool.Policy;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the adaptive application task executor, under {@code betapool}. The defaults are the
 * core's; {@link #validate()} names the first value the core would refuse.
 */
@ConfigurationProperties("betapool")
public class BetaPoolProperties implements InitializingBean {

	/**
	 * Whether to run the application's asynchronous work on the adaptive executor.
	 */
	private boolean enabled = true;

	/**
	 * Smallest number of threads the controller keeps.
	 */
	private int minWorkers = 4;

	/**
	 * Largest number of threads the controller may start.
	 */
	private int maxWorkers = 64;

	/**
	 * Number of tasks that may wait for a thread; the default, 2147483647, leaves the queue unbounded.
	 */
	private int queueCapacity = 2147483647;

	/**
	 * Prefix of the names of the worker threads.
	 */
	private String threadNamePrefix = "betapool-";

	/**
	 * Algorithm that sizes the pool.
	 */
	private Policy policy = Policy.ADAPTIVE;

	/**
	 * Number of latest scaling decisions kept for the betapool endpoint.
	 */
	private int decisionHistorySize = 1000;

	private final Controller controller = new Controller();

	private final Shutdown shutdown = new Shutdown();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMinWorkers() {
		return this.minWorkers;
	}

	public void setMinWorkers(int minWorkers) {
		this.minWorkers = minWorkers;
	}

	public int getMaxWorkers() {
		return this.maxWorkers;
	}

	public void setMaxWorkers(int maxWorkers) {
		this.maxWorkers = maxWorkers;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public String getThreadNamePrefix() {
		return this.threadNamePrefix;
	}

	public void setThreadNamePrefix(String threadNamePrefix) {
		this.threadNamePrefix = threadNamePrefix;
	}

	public Policy getPolicy() {
		return this.policy;
	}

	public void setPolicy(Policy policy) {
		this.policy = policy;
	}

	public int getDecisionHistorySize() {
		return this.decisionHistorySize;
	}

	public void setDecisionHistorySize(int decisionHistorySize) {
		this.decisionHistorySize = decisionHistorySize;
	}

	public Controller getController() {
		return this.controller;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/**
	 * Checks every value against what the core accepts.
	 * @throws InvalidBetaPoolPropertyException naming the first invalid property, its value and what is
	 * allowed
	 */
	public void validate() {
		atLeast("betapool.min-workers", this.minWorkers, 1);
		if (this.maxWorkers < this.minWorkers) {
			throw new InvalidBetaPoolPropertyException("betapool.max-workers", this.maxWorkers,
					"an integer of at least betapool.min-workers (" + this.minWorkers + ")");
		}
		atLeast("betapool.queue-capacity", this.queueCapacity, 1);
		if (this.threadNamePrefix == null || this.threadNamePrefix.isBlank()) {
			throw new InvalidBetaPoolPropertyException("betapool.thread-name-prefix", this.threadNamePrefix,
					"a text that is not blank");
		}
		atLeast("betapool.decision-history-size", this.decisionHistorySize, 1);
		this.controller.validate();
		this.shutdown.validate();
	}

	private static void atLeast(String property, int value, int minimum) {
		if (value < minimum) {
			throw new InvalidBetaPoolPropertyException(property, value, "an integer of at least " + minimum);
		}
	}

	private static void between(String property, double value, double minimum, double maximum) {
		if (!(value >= minimum && value <= maximum)) {
			throw new InvalidBetaPoolPropertyException(property, value,
					"a number from " + format(minimum) + " to " + format(maximum));
		}
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	/**
	 * How the controller samples the pool and decides its size.
	 */
	public static class Controller {

		/**
		 * How often the controller samples the pool and decides its size.
		 */
		private Duration monitorInterval = Duration.ofMillis(500);

		/**
		 * Blocking ratio above which the seed policy grows the pool, from 0 to 1.
		 */
		private double betaHighThreshold = 0.7;

		/**
		 * Blocking ratio below which work counts as CPU-bound and growth is refused, from 0 to 1.
		 */
		private double betaLowThreshold = 0.3;

		/**
		 * Number of threads the seed policy adds per step; the smallest growth the adaptive policy acts on.
		 */
		private int scaleUpStep = 2;

		/**
		 * Number of threads the seed policy retires per step; the smallest shrink the adaptive policy acts on.
		 */
		private int scaleDownStep = 1;

		/**
		 * CPU utilization, in percent, above which growth is vetoed.
		 */
		private double cpuUpperThreshold = 85.0;

		/**
		 * CPU utilization, in percent, below which the CPU is never considered saturated.
		 */
		private double cpuLowerThreshold = 50.0;

		/**
		 * Quiet time after a resize before the controller resizes the other way (seed policy).
		 */
		private Duration stabilizationWindow = Duration.ofSeconds(2);

		/**
		 * Number of tasks that must complete before the first resize (seed policy).
		 */
		private int warmupTaskCount = 10;

		/**
		 * How long threads above the size the pool needs stay idle before they retire (adaptive policy).
		 */
		private Duration keepAlive = Duration.ofSeconds(60);

		public Duration getMonitorInterval() {
			return this.monitorInterval;
		}

		public void setMonitorInterval(Duration monitorInterval) {
			this.monitorInterval = monitorInterval;
		}

		public double getBetaHighThreshold() {
			return this.betaHighThreshold;
		}

		public void setBetaHighThreshold(double betaHighThreshold) {
			this.betaHighThreshold = betaHighThreshold;
		}

		public double getBetaLowThreshold() {
			return this.betaLowThreshold;
		}

		public void setBetaLowThreshold(double betaLowThreshold) {
			this.betaLowThreshold = betaLowThreshold;
		}

		public int getScaleUpStep() {
			return this.scaleUpStep;
		}

		public void setScaleUpStep(int scaleUpStep) {
			this.scaleUpStep = scaleUpStep;
		}

		public int getScaleDownStep() {
			return this.scaleDownStep;
		}

		public void setScaleDownStep(int scaleDownStep) {
			this.scaleDownStep = scaleDownStep;
		}

		public double getCpuUpperThreshold() {
			return this.cpuUpperThreshold;
		}

		public void setCpuUpperThreshold(double cpuUpperThreshold) {
			this.cpuUpperThreshold = cpuUpperThreshold;
		}

		public double getCpuLowerThreshold() {
			return this.cpuLowerThreshold;
		}

		public void setCpuLowerThreshold(double cpuLowerThreshold) {
			this.cpuLowerThreshold = cpuLowerThreshold;
		}

		public Duration getStabilizationWindow() {
			return this.stabilizationWindow;
		}

		public void setStabilizationWindow(Duration stabilizationWindow) {
			this.stabilizationWindow = stabilizationWindow;
		}

		public int getWarmupTaskCount() {
			return this.warmupTaskCount;
		}

		public void setWarmupTaskCount(int warmupTaskCount) {
			this.warmupTaskCount = warmupTaskCount;
		}

		public Duration getKeepAlive() {
			return this.keepAlive;
		}

		public void setKeepAlive(Duration keepAlive) {
			this.keepAlive = keepAlive;
		}

		void validate() {
			if (this.monitorInterval == null || this.monitorInterval.isNegative() || this.monitorInterval.isZero()
					|| this.monitorInterval.compareTo(ControllerConfig.MAX_DURATION) > 0) {
				throw new InvalidBetaPoolPropertyException("betapool.controller.monitor-interval", this.monitorInterval,
						"a positive duration of at most 1d, such as 500ms or 1s");
			}
			between("betapool.controller.beta-high-threshold", this.betaHighThreshold, 0, 1);
			between("betapool.controller.beta-low-threshold", this.betaLowThreshold, 0, 1);
			if (this.betaLowThreshold > this.betaHighThreshold) {
				throw new InvalidBetaPoolPropertyException("betapool.controller.beta-low-threshold",
						this.betaLowThreshold, "a number from 0 to betapool.controller.beta-high-threshold ("
								+ this.betaHighThreshold + ")");
			}
			atLeast("betapool.controller.scale-up-step", this.scaleUpStep, 1);
			atLeast("betapool.controller.scale-down-step", this.scaleDownStep, 1);
			between("betapool.controller.cpu-upper-threshold", this.cpuUpperThreshold, 0, 100);
			between("betapool.controller.cpu-lower-threshold", this.cpuLowerThreshold, 0, 100);
			if (this.cpuLowerThreshold > this.cpuUpperThreshold) {
				throw new InvalidBetaPoolPropertyException("betapool.controller.cpu-lower-threshold",
						this.cpuLowerThreshold, "a number from 0 to betapool.controller.cpu-upper-threshold ("
								+ this.cpuUpperThreshold + ")");
			}
			if (this.stabilizationWindow == null || this.stabilizationWindow.isNegative()
					|| this.stabilizationWindow.compareTo(ControllerConfig.MAX_DURATION) > 0) {
				throw new InvalidBetaPoolPropertyException("betapool.controller.stabilization-window",
						this.stabilizationWindow, "a duration from 0s to 1d, such as 0s or 2s");
			}
			atLeast("betapool.controller.warmup-task-count", this.warmupTaskCount, 0);
			if (this.keepAlive == null || this.keepAlive.isNegative()
					|| this.keepAlive.compareTo(ControllerConfig.MAX_DURATION) > 0) {
				throw new InvalidBetaPoolPropertyException("betapool.controller.keep-alive", this.keepAlive,
						"a duration from 0s to 1d, such as 30s or 60s");
			}
		}

	}

	/**
	 * How the executor stops when the application context closes.
	 */
	public static class Shutdown {

		/**
		 * How long queued and running tasks may take to finish when the application context closes before
		 * the rest are cancelled.
		 */
		private Duration awaitTerminationPeriod = Duration.ofSeconds(30);

		public Duration getAwaitTerminationPeriod() {
			return this.awaitTerminationPeriod;
		}

		public void setAwaitTerminationPeriod(Duration awaitTerminationPeriod) {
			this.awaitTerminationPeriod = awaitTerminationPeriod;
		}

		void validate() {
			if (this.awaitTerminationPeriod == null || this.awaitTerminationPeriod.isNegative()) {
				throw new InvalidBetaPoolPropertyException("betapool.shutdown.await-termination-period",
						this.awaitTerminationPeriod, "a duration that is not negative, such as 0s or 30s");
			}
		}

	}

}
