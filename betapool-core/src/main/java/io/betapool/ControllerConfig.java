package io.betapool;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of the controller that sizes an {@link AdaptiveThreadPoolExecutor}. The
 * defaults are the seed library's.
 *
 * <table>
 * <caption>Settings and which policy reads them</caption>
 * <tr><th>setting</th><th>default</th><th>{@link Policy#SEED}</th><th>{@link Policy#ADAPTIVE}</th></tr>
 * <tr><td>{@code monitorInterval}</td><td>500 ms</td><td>tick period</td><td>tick period</td></tr>
 * <tr><td>{@code betaHighThreshold}</td><td>0.7</td><td>grow above it</td><td>—</td></tr>
 * <tr><td>{@code betaLowThreshold}</td><td>0.3</td><td>shrink below it</td><td>CPU-bound below it: no growth past the knee, threads past it retire</td></tr>
 * <tr><td>{@code scaleUpStep}</td><td>2</td><td>threads added per step</td><td>added to the growth bound, the smallest trial step</td></tr>
 * <tr><td>{@code scaleDownStep}</td><td>1</td><td>threads retired per step</td><td>smallest shrink worth a resize</td></tr>
 * <tr><td>{@code cpuUpperThreshold}</td><td>85 %</td><td>no growth, shrink above it</td><td>saturation veto above it</td></tr>
 * <tr><td>{@code cpuLowerThreshold}</td><td>50 %</td><td>—</td><td>below it the CPU is never called saturated</td></tr>
 * <tr><td>{@code stabilizationWindow}</td><td>2 s</td><td>no change this soon after a change</td><td>—</td></tr>
 * <tr><td>{@code warmupTaskCount}</td><td>10</td><td>no decision before this many tasks</td><td>— (β is read from running workers)</td></tr>
 * <tr><td>{@code keepAlive}</td><td>60 s</td><td>—</td><td>spare threads stay idle this long before they retire</td></tr>
 * <tr><td>{@code decisionHistorySize}</td><td>1000</td><td colspan="2">decisions kept in the history ring</td></tr>
 * </table>
 */
public final class ControllerConfig {

	/** Default tick period: 500 ms. */
	public static final Duration DEFAULT_MONITOR_INTERVAL = Duration.ofMillis(500);

	/** Default high blocking-ratio threshold: 0.7. */
	public static final double DEFAULT_BETA_HIGH_THRESHOLD = 0.7;

	/** Default low blocking-ratio threshold: 0.3. */
	public static final double DEFAULT_BETA_LOW_THRESHOLD = 0.3;

	/** Default scale-up step: 2 threads. */
	public static final int DEFAULT_SCALE_UP_STEP = 2;

	/** Default scale-down step: 1 thread. */
	public static final int DEFAULT_SCALE_DOWN_STEP = 1;

	/** Default CPU saturation threshold: 85 percent. */
	public static final double DEFAULT_CPU_UPPER_THRESHOLD = 85.0;

	/** Default CPU threshold under which the CPU is never considered saturated: 50 percent. */
	public static final double DEFAULT_CPU_LOWER_THRESHOLD = 50.0;

	/** Default stabilisation window: 2 s. */
	public static final Duration DEFAULT_STABILIZATION_WINDOW = Duration.ofSeconds(2);

	/** Default number of completed tasks before the first decision: 10. */
	public static final int DEFAULT_WARMUP_TASK_COUNT = 10;

	/** Default policy: {@link Policy#ADAPTIVE}. */
	public static final Policy DEFAULT_POLICY = Policy.ADAPTIVE;

	/** Default number of decisions kept: 1000. */
	public static final int DEFAULT_DECISION_HISTORY_SIZE = 1000;

	/**
	 * How long threads above the size the pool needs stay idle before they retire (adaptive policy):
	 * {@link java.util.concurrent.ThreadPoolExecutor}'s default keep-alive. A parked thread costs about
	 * 45 kB and no CPU; a burst that finds its threads gone waits for the pool to regrow.
	 */
	public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);

	/** The longest interval or window accepted: one day, far beyond any useful setting and safe to count in nanoseconds. */
	public static final Duration MAX_DURATION = Duration.ofDays(1);

	private static final ControllerConfig DEFAULTS = builder().build();

	private final Duration monitorInterval;

	private final double betaHighThreshold;

	private final double betaLowThreshold;

	private final int scaleUpStep;

	private final int scaleDownStep;

	private final double cpuUpperThreshold;

	private final double cpuLowerThreshold;

	private final Duration stabilizationWindow;

	private final int warmupTaskCount;

	private final Policy policy;

	private final int decisionHistorySize;

	private final Duration keepAlive;

	private ControllerConfig(Builder builder) {
		this.monitorInterval = positive("monitorInterval", builder.monitorInterval);
		this.betaHighThreshold = unitInterval("betaHighThreshold", builder.betaHighThreshold);
		this.betaLowThreshold = unitInterval("betaLowThreshold", builder.betaLowThreshold);
		if (this.betaLowThreshold > this.betaHighThreshold) {
			throw new IllegalArgumentException("betaLowThreshold must not exceed betaHighThreshold, but was "
					+ this.betaLowThreshold + " > " + this.betaHighThreshold);
		}
		this.scaleUpStep = atLeastOne("scaleUpStep", builder.scaleUpStep);
		this.scaleDownStep = atLeastOne("scaleDownStep", builder.scaleDownStep);
		this.cpuUpperThreshold = percent("cpuUpperThreshold", builder.cpuUpperThreshold);
		this.cpuLowerThreshold = percent("cpuLowerThreshold", builder.cpuLowerThreshold);
		if (this.cpuLowerThreshold > this.cpuUpperThreshold) {
			throw new IllegalArgumentException("cpuLowerThreshold must not exceed cpuUpperThreshold, but was "
					+ this.cpuLowerThreshold + " > " + this.cpuUpperThreshold);
		}
		this.stabilizationWindow = notNegative("stabilizationWindow", builder.stabilizationWindow);
		if (builder.warmupTaskCount < 0) {
			throw new IllegalArgumentException("warmupTaskCount must be >= 0, but was " + builder.warmupTaskCount);
		}
		this.warmupTaskCount = builder.warmupTaskCount;
		this.policy = Objects.requireNonNull(builder.policy, "policy");
		this.decisionHistorySize = atLeastOne("decisionHistorySize", builder.decisionHistorySize);
		this.keepAlive = notNegative("keepAlive", builder.keepAlive);
	}

	/**
	 * The seed's defaults with the {@link Policy#ADAPTIVE} policy.
	 */
	public static ControllerConfig defaults() {
		return DEFAULTS;
	}

	/**
	 * A builder starting from the defaults.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder starting from this configuration.
	 */
	public Builder toBuilder() {
		return new Builder().monitorInterval(this.monitorInterval)
			.betaHighThreshold(this.betaHighThreshold)
			.betaLowThreshold(this.betaLowThreshold)
			.scaleUpStep(this.scaleUpStep)
			.scaleDownStep(this.scaleDownStep)
			.cpuUpperThreshold(this.cpuUpperThreshold)
			.cpuLowerThreshold(this.cpuLowerThreshold)
			.stabilizationWindow(this.stabilizationWindow)
			.warmupTaskCount(this.warmupTaskCount)
			.policy(this.policy)
			.decisionHistorySize(this.decisionHistorySize)
			.keepAlive(this.keepAlive);
	}

	/**
	 * How often the controller samples the pool and decides. Until the pool's first resize while tasks
	 * queue, and while the policy asks for it, it decides every {@code min(monitorInterval, fastTick)}
	 * of the policy (10 ms for {@link Policy#ADAPTIVE} while it grows, 100 ms for {@link Policy#SEED}),
	 * so that a cold pool under load reaches its size quickly.
	 */
	public Duration monitorInterval() {
		return this.monitorInterval;
	}

	/** The blocking ratio above which the seed policy grows the pool. */
	public double betaHighThreshold() {
		return this.betaHighThreshold;
	}

	/** The blocking ratio below which work counts as CPU-bound. */
	public double betaLowThreshold() {
		return this.betaLowThreshold;
	}

	/** Threads added per seed step; the adaptive policy adds it to each growth bound and trial step. */
	public int scaleUpStep() {
		return this.scaleUpStep;
	}

	/** Threads retired per seed step; the smallest shrink the adaptive policy acts on. */
	public int scaleDownStep() {
		return this.scaleDownStep;
	}

	/** CPU utilisation, in percent, above which growth is vetoed. */
	public double cpuUpperThreshold() {
		return this.cpuUpperThreshold;
	}

	/** CPU utilisation, in percent, below which the CPU is never considered saturated. */
	public double cpuLowerThreshold() {
		return this.cpuLowerThreshold;
	}

	/** How long after a resize the controller waits before a resize the other way (seed: any resize). */
	public Duration stabilizationWindow() {
		return this.stabilizationWindow;
	}

	/** How many tasks must complete before the first resize. */
	public int warmupTaskCount() {
		return this.warmupTaskCount;
	}

	/** The control algorithm. */
	public Policy policy() {
		return this.policy;
	}

	/** How long threads above the size the pool needs stay idle before they retire ({@link Policy#ADAPTIVE}). */
	public Duration keepAlive() {
		return this.keepAlive;
	}

	/** How many of the latest decisions the pool keeps. */
	public int decisionHistorySize() {
		return this.decisionHistorySize;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ControllerConfig that)) {
			return false;
		}
		return this.monitorInterval.equals(that.monitorInterval)
				&& Double.compare(this.betaHighThreshold, that.betaHighThreshold) == 0
				&& Double.compare(this.betaLowThreshold, that.betaLowThreshold) == 0
				&& this.scaleUpStep == that.scaleUpStep && this.scaleDownStep == that.scaleDownStep
				&& Double.compare(this.cpuUpperThreshold, that.cpuUpperThreshold) == 0
				&& Double.compare(this.cpuLowerThreshold, that.cpuLowerThreshold) == 0
				&& this.stabilizationWindow.equals(that.stabilizationWindow)
				&& this.warmupTaskCount == that.warmupTaskCount && this.policy == that.policy
				&& this.decisionHistorySize == that.decisionHistorySize && this.keepAlive.equals(that.keepAlive);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.monitorInterval, this.betaHighThreshold, this.betaLowThreshold, this.scaleUpStep,
				this.scaleDownStep, this.cpuUpperThreshold, this.cpuLowerThreshold, this.stabilizationWindow,
				this.warmupTaskCount, this.policy, this.decisionHistorySize, this.keepAlive);
	}

	@Override
	public String toString() {
		return "ControllerConfig[policy=" + this.policy + ", monitorInterval=" + this.monitorInterval
				+ ", betaHighThreshold=" + this.betaHighThreshold + ", betaLowThreshold=" + this.betaLowThreshold
				+ ", scaleUpStep=" + this.scaleUpStep + ", scaleDownStep=" + this.scaleDownStep
				+ ", cpuUpperThreshold=" + this.cpuUpperThreshold + ", cpuLowerThreshold=" + this.cpuLowerThreshold
				+ ", stabilizationWindow=" + this.stabilizationWindow + ", warmupTaskCount=" + this.warmupTaskCount
				+ ", keepAlive=" + this.keepAlive + ", decisionHistorySize=" + this.decisionHistorySize + "]";
	}

	private static Duration positive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, but was " + value);
		}
		return atMostOneDay(name, value);
	}

	private static Duration notNegative(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative, but was " + value);
		}
		return atMostOneDay(name, value);
	}

	private static Duration atMostOneDay(String name, Duration value) {
		if (value.compareTo(MAX_DURATION) > 0) {
			throw new IllegalArgumentException(name + " must be at most " + MAX_DURATION + ", but was " + value);
		}
		return value;
	}

	private static double unitInterval(String name, double value) {
		if (!(value >= 0.0 && value <= 1.0)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1, but was " + value);
		}
		return value;
	}

	private static double percent(String name, double value) {
		if (!(value >= 0.0 && value <= 100.0)) {
			throw new IllegalArgumentException(name + " must be a percentage between 0 and 100, but was " + value);
		}
		return value;
	}

	private static int atLeastOne(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be >= 1, but was " + value);
		}
		return value;
	}

	/**
	 * Builds a {@link ControllerConfig}; values are checked by {@link #build()}.
	 */
	public static final class Builder {

		private Duration monitorInterval = DEFAULT_MONITOR_INTERVAL;

		private double betaHighThreshold = DEFAULT_BETA_HIGH_THRESHOLD;

		private double betaLowThreshold = DEFAULT_BETA_LOW_THRESHOLD;

		private int scaleUpStep = DEFAULT_SCALE_UP_STEP;

		private int scaleDownStep = DEFAULT_SCALE_DOWN_STEP;

		private double cpuUpperThreshold = DEFAULT_CPU_UPPER_THRESHOLD;

		private double cpuLowerThreshold = DEFAULT_CPU_LOWER_THRESHOLD;

		private Duration stabilizationWindow = DEFAULT_STABILIZATION_WINDOW;

		private int warmupTaskCount = DEFAULT_WARMUP_TASK_COUNT;

		private Policy policy = DEFAULT_POLICY;

		private int decisionHistorySize = DEFAULT_DECISION_HISTORY_SIZE;

		private Duration keepAlive = DEFAULT_KEEP_ALIVE;

		private Builder() {
		}

		/** How often the controller samples and decides; positive, at most a day. */
		public Builder monitorInterval(Duration monitorInterval) {
			this.monitorInterval = Objects.requireNonNull(monitorInterval, "monitorInterval");
			return this;
		}

		/** The blocking ratio above which the seed policy grows the pool; in [0, 1]. */
		public Builder betaHighThreshold(double betaHighThreshold) {
			this.betaHighThreshold = betaHighThreshold;
			return this;
		}

		/** The blocking ratio below which work counts as CPU-bound; in [0, 1], at most the high threshold. */
		public Builder betaLowThreshold(double betaLowThreshold) {
			this.betaLowThreshold = betaLowThreshold;
			return this;
		}

		/** Threads added per seed step; at least 1. */
		public Builder scaleUpStep(int scaleUpStep) {
			this.scaleUpStep = scaleUpStep;
			return this;
		}

		/** Threads retired per seed step; at least 1. */
		public Builder scaleDownStep(int scaleDownStep) {
			this.scaleDownStep = scaleDownStep;
			return this;
		}

		/** CPU utilisation in percent above which growth is vetoed; in [0, 100]. */
		public Builder cpuUpperThreshold(double cpuUpperThreshold) {
			this.cpuUpperThreshold = cpuUpperThreshold;
			return this;
		}

		/** CPU utilisation in percent below which the CPU is never saturated; in [0, 100], at most the upper one. */
		public Builder cpuLowerThreshold(double cpuLowerThreshold) {
			this.cpuLowerThreshold = cpuLowerThreshold;
			return this;
		}

		/** Quiet time after a resize; not negative, at most a day. */
		public Builder stabilizationWindow(Duration stabilizationWindow) {
			this.stabilizationWindow = Objects.requireNonNull(stabilizationWindow, "stabilizationWindow");
			return this;
		}

		/** Tasks that must complete before the first resize; not negative. */
		public Builder warmupTaskCount(int warmupTaskCount) {
			this.warmupTaskCount = warmupTaskCount;
			return this;
		}

		/** The control algorithm. */
		public Builder policy(Policy policy) {
			this.policy = Objects.requireNonNull(policy, "policy");
			return this;
		}

		/** How long spare threads stay idle before they retire (adaptive policy); not negative, at most a day. */
		public Builder keepAlive(Duration keepAlive) {
			this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive");
			return this;
		}

		/** How many of the latest decisions to keep; at least 1. */
		public Builder decisionHistorySize(int decisionHistorySize) {
			this.decisionHistorySize = decisionHistorySize;
			return this;
		}

		/**
		 * The configuration.
		 * @throws IllegalArgumentException naming the first invalid setting and its value
		 */
		public ControllerConfig build() {
			return new ControllerConfig(this);
		}

	}

}
