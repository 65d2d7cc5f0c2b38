package io.betapool.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.betapool.ControllerConfig;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the adaptive executors, under {@code betapool}: the top-level keys configure the
 * application task executor, {@code betapool.executors.<name>.*} configures named executors with the
 * same keys, and {@code betapool.web.*} puts the web server's request threads on an adaptive pool. The
 * defaults are the core's; {@link #validate()} names the first value the core would refuse.
 */
@ConfigurationProperties("betapool")
public class BetaPoolProperties extends PoolProperties implements InitializingBean {

	/**
	 * Whether to run the application's asynchronous work on the adaptive executor.
	 */
	private boolean enabled = true;

	/**
	 * Named executors, each a bean of its name for {@code @Async("name")}, with the same keys as the top
	 * level; a key a named executor does not set takes the top-level value, except the thread-name prefix,
	 * which defaults to the name and a dash.
	 */
	private final Map<String, PoolProperties> executors = new LinkedHashMap<>();

	private final Web web = new Web();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, PoolProperties> getExecutors() {
		return this.executors;
	}

	public Web getWeb() {
		return this.web;
	}

	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/**
	 * Checks every top-level value against what the core accepts.
	 * @throws InvalidBetaPoolPropertyException naming the first invalid property, its value and what is
	 * allowed
	 */
	public void validate() {
		validate("betapool");
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
		 * Blocking ratio below which work counts as CPU-bound, from 0 to 1: the seed policy shrinks, the
		 * adaptive one grows no further than the knee and retires threads past it.
		 */
		private double betaLowThreshold = 0.3;

		/**
		 * Number of threads the seed policy adds per step; the adaptive policy adds it to each growth bound
		 * and trial step.
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

		void validate(UnaryOperator<String> name) {
			if (this.monitorInterval == null || this.monitorInterval.isNegative() || this.monitorInterval.isZero()
					|| this.monitorInterval.compareTo(ControllerConfig.MAX_DURATION) > 0) {
				throw new InvalidBetaPoolPropertyException(name.apply("controller.monitor-interval"), this.monitorInterval,
						"a positive duration of at most 1d, such as 500ms or 1s");
			}
			PoolProperties.between(name.apply("controller.beta-high-threshold"), this.betaHighThreshold, 0, 1);
			PoolProperties.between(name.apply("controller.beta-low-threshold"), this.betaLowThreshold, 0, 1);
			if (this.betaLowThreshold > this.betaHighThreshold) {
				throw new InvalidBetaPoolPropertyException(name.apply("controller.beta-low-threshold"),
						this.betaLowThreshold, "a number from 0 to " + name.apply("controller.beta-high-threshold") + " ("
								+ this.betaHighThreshold + ")");
			}
			PoolProperties.atLeast(name.apply("controller.scale-up-step"), this.scaleUpStep, 1);
			PoolProperties.atLeast(name.apply("controller.scale-down-step"), this.scaleDownStep, 1);
			PoolProperties.between(name.apply("controller.cpu-upper-threshold"), this.cpuUpperThreshold, 0, 100);
			PoolProperties.between(name.apply("controller.cpu-lower-threshold"), this.cpuLowerThreshold, 0, 100);
			if (this.cpuLowerThreshold > this.cpuUpperThreshold) {
				throw new InvalidBetaPoolPropertyException(name.apply("controller.cpu-lower-threshold"),
						this.cpuLowerThreshold, "a number from 0 to " + name.apply("controller.cpu-upper-threshold") + " ("
								+ this.cpuUpperThreshold + ")");
			}
			if (this.stabilizationWindow == null || this.stabilizationWindow.isNegative()
					|| this.stabilizationWindow.compareTo(ControllerConfig.MAX_DURATION) > 0) {
				throw new InvalidBetaPoolPropertyException(name.apply("controller.stabilization-window"),
						this.stabilizationWindow, "a duration from 0s to 1d, such as 0s or 2s");
			}
			PoolProperties.atLeast(name.apply("controller.warmup-task-count"), this.warmupTaskCount, 0);
			if (this.keepAlive == null || this.keepAlive.isNegative()
					|| this.keepAlive.compareTo(ControllerConfig.MAX_DURATION) > 0) {
				throw new InvalidBetaPoolPropertyException(name.apply("controller.keep-alive"), this.keepAlive,
						"a duration from 0s to 1d, such as 30s or 60s");
			}
		}

		void copyFrom(Controller other) {
			this.monitorInterval = other.monitorInterval;
			this.betaHighThreshold = other.betaHighThreshold;
			this.betaLowThreshold = other.betaLowThreshold;
			this.scaleUpStep = other.scaleUpStep;
			this.scaleDownStep = other.scaleDownStep;
			this.cpuUpperThreshold = other.cpuUpperThreshold;
			this.cpuLowerThreshold = other.cpuLowerThreshold;
			this.stabilizationWindow = other.stabilizationWindow;
			this.warmupTaskCount = other.warmupTaskCount;
			this.keepAlive = other.keepAlive;
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

		void validate(UnaryOperator<String> name) {
			if (this.awaitTerminationPeriod == null || this.awaitTerminationPeriod.isNegative()) {
				throw new InvalidBetaPoolPropertyException(name.apply("shutdown.await-termination-period"),
						this.awaitTerminationPeriod, "a duration that is not negative, such as 0s or 30s");
			}
		}

	}

	/**
	 * The web server's request threads.
	 */
	public static class Web {

		/**
		 * Whether to run Tomcat's request threads on an adaptive pool, named tomcat, that takes the top-level
		 * keys and Tomcat's own thread sizes.
		 */
		private boolean enabled = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
