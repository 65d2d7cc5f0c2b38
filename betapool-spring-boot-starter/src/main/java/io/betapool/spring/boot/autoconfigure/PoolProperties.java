package io.betapool.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.betapool.Policy;

/**
 * The settings of one adaptive pool: the top level of {@code betapool.*} for the application task
 * executor, and each entry of {@code betapool.executors}. The defaults are the core's.
 */
public class PoolProperties {

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

	private final BetaPoolProperties.Controller controller = new BetaPoolProperties.Controller();

	private final BetaPoolProperties.Shutdown shutdown = new BetaPoolProperties.Shutdown();

	/** Where each value that was not set under this pool's own prefix came from, by relative key. */
	private final Map<String, String> sources = new LinkedHashMap<>();

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

	public BetaPoolProperties.Controller getController() {
		return this.controller;
	}

	public BetaPoolProperties.Shutdown getShutdown() {
		return this.shutdown;
	}

	/**
	 * Records that the value of {@code key} was taken from another property, so that an error names that
	 * one.
	 * @param key the key relative to the pool's prefix, such as {@code min-workers}
	 * @param property the full name of the property the value came from
	 */
	void takenFrom(String key, String property) {
		this.sources.put(key, property);
	}

	/**
	 * The property that set {@code key}: the one recorded by {@link #takenFrom}, or the key under
	 * {@code prefix}.
	 */
	String propertyName(String prefix, String key) {
		return this.sources.getOrDefault(key, prefix + "." + key);
	}

	/**
	 * Checks every value against what the core accepts, naming each property under {@code prefix} unless
	 * its value was {@linkplain #takenFrom taken from} another.
	 * @param prefix the prefix of this pool's properties, such as {@code betapool}
	 * @throws InvalidBetaPoolPropertyException naming the first invalid property, its value and what is
	 * allowed
	 */
	public void validate(String prefix) {
		UnaryOperator<String> name = (key) -> propertyName(prefix, key);
		atLeast(name.apply("min-workers"), this.minWorkers, 1);
		if (this.maxWorkers < this.minWorkers) {
			throw new InvalidBetaPoolPropertyException(name.apply("max-workers"), this.maxWorkers,
					"an integer of at least " + name.apply("min-workers") + " (" + this.minWorkers + ")");
		}
		atLeast(name.apply("queue-capacity"), this.queueCapacity, 1);
		if (this.threadNamePrefix == null || this.threadNamePrefix.isBlank()) {
			throw new InvalidBetaPoolPropertyException(name.apply("thread-name-prefix"), this.threadNamePrefix,
					"a text that is not blank");
		}
		atLeast(name.apply("decision-history-size"), this.decisionHistorySize, 1);
		this.controller.validate(name);
		this.shutdown.validate(name);
	}

	/** Every key of a pool, relative to its prefix, for the keys a named pool may set. */
	static final List<String> KEYS = List.of("min-workers", "max-workers", "queue-capacity", "thread-name-prefix",
			"policy", "decision-history-size", "controller.monitor-interval", "controller.beta-high-threshold",
			"controller.beta-low-threshold", "controller.scale-up-step", "controller.scale-down-step",
			"controller.cpu-upper-threshold", "controller.cpu-lower-threshold", "controller.stabilization-window",
			"controller.warmup-task-count", "controller.keep-alive", "shutdown.await-termination-period");

	static void atLeast(String property, int value, int minimum) {
		if (value < minimum) {
			throw new InvalidBetaPoolPropertyException(property, value, "an integer of at least " + minimum);
		}
	}

	static void between(String property, double value, double minimum, double maximum) {
		if (!(value >= minimum && value <= maximum)) {
			throw new InvalidBetaPoolPropertyException(property, value,
					"a number from " + format(minimum) + " to " + format(maximum));
		}
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	/**
	 * Copies every value of {@code other} into this pool, for a pool that starts from the top level.
	 */
	void copyFrom(PoolProperties other) {
		this.minWorkers = other.minWorkers;
		this.maxWorkers = other.maxWorkers;
		this.queueCapacity = other.queueCapacity;
		this.threadNamePrefix = other.threadNamePrefix;
		this.policy = other.policy;
		this.decisionHistorySize = other.decisionHistorySize;
		this.controller.copyFrom(other.controller);
		this.shutdown.setAwaitTerminationPeriod(other.shutdown.getAwaitTerminationPeriod());
		this.sources.putAll(other.sources);
	}

}
