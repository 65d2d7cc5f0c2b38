package io.betapool.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.slf4j.Logger;

import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's {@code spring.task.execution.*} values as defaults of their {@code betapool.*}
 * equivalents, so that an application that tuned Boot's executor keeps its tuning when it adds the
 * starter. An explicit {@code betapool.*} value wins.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><th>{@code spring.task.execution.}</th><th>{@code betapool.}</th></tr>
 * <tr><td>{@code thread-name-prefix}</td><td>{@code thread-name-prefix}</td></tr>
 * <tr><td>{@code pool.core-size}</td><td>{@code min-workers}</td></tr>
 * <tr><td>{@code pool.max-size}</td><td>{@code max-workers}</td></tr>
 * <tr><td>{@code pool.queue-capacity}</td><td>{@code queue-capacity}</td></tr>
 * <tr><td>{@code shutdown.await-termination=true} and {@code shutdown.await-termination-period}</td>
 * <td>{@code shutdown.await-termination-period}</td></tr>
 * <tr><td>{@code shutdown.await-termination=false}, or a period without it</td>
 * <td>{@code shutdown.await-termination-period=0s}: Boot then cancels queued tasks at once</td></tr>
 * </table>
 * Any other {@code spring.task.execution.*} value has no equivalent and is named in a warning.
 */
final class SpringTaskExecutionDefaults {

	private static final String PREFIX = "spring.task.execution.";

	private static final String AWAIT_TERMINATION = PREFIX + "shutdown.await-termination";

	private static final String AWAIT_TERMINATION_PERIOD = PREFIX + "shutdown.await-termination-period";

	private static final Set<String> MAPPED = Set.of(PREFIX + "thread-name-prefix", PREFIX + "pool.core-size",
			PREFIX + "pool.max-size", PREFIX + "pool.queue-capacity", AWAIT_TERMINATION, AWAIT_TERMINATION_PERIOD);

	private final List<Default> defaults;

	private final List<String> unmapped;

	private SpringTaskExecutionDefaults(List<Default> defaults, List<String> unmapped) {
		this.defaults = defaults;
		this.unmapped = unmapped;
	}

	/**
	 * Reads the {@code spring.task.execution.*} values the environment sets.
	 * @param environment the environment
	 * @return the defaults they give
	 */
	static SpringTaskExecutionDefaults of(Environment environment) {
		Binder binder = Binder.get(environment);
		List<Default> defaults = new ArrayList<>();
		add(defaults, binder, environment, PREFIX + "thread-name-prefix", String.class, "thread-name-prefix",
				PoolProperties::setThreadNamePrefix);
		add(defaults, binder, environment, PREFIX + "pool.core-size", Integer.class, "min-workers",
				PoolProperties::setMinWorkers);
		add(defaults, binder, environment, PREFIX + "pool.max-size", Integer.class, "max-workers",
				PoolProperties::setMaxWorkers);
		add(defaults, binder, environment, PREFIX + "pool.queue-capacity", Integer.class, "queue-capacity",
				PoolProperties::setQueueCapacity);
		BindResult<Boolean> awaitTermination = binder.bind(AWAIT_TERMINATION, Boolean.class);
		BindResult<Duration> period = binder.bind(AWAIT_TERMINATION_PERIOD, Duration.class);
		List<String> unmapped = new ArrayList<>(setPropertiesWithoutEquivalent(environment));
		if (awaitTermination.orElse(false)) {
			if (period.isBound()) {
				defaults.add(new Default(AWAIT_TERMINATION_PERIOD, period.get(), "shutdown.await-termination-period",
						isSet(environment, "betapool.shutdown.await-termination-period"),
						(pool, value) -> pool.getShutdown().setAwaitTerminationPeriod((Duration) value)));
			}
			else {
				unmapped.add(AWAIT_TERMINATION + "=true without " + AWAIT_TERMINATION_PERIOD);
			}
		}
		else if (awaitTermination.isBound() || period.isBound()) {
			defaults.add(new Default(AWAIT_TERMINATION + "=false", Duration.ZERO, "shutdown.await-termination-period",
					isSet(environment, "betapool.shutdown.await-termination-period"),
					(pool, value) -> pool.getShutdown().setAwaitTerminationPeriod((Duration) value)));
		}
		return new SpringTaskExecutionDefaults(List.copyOf(defaults), Collections.unmodifiableList(unmapped));
	}

	private static <T> void add(List<Default> defaults, Binder binder, Environment environment, String property,
			Class<T> type, String key, BiConsumer<PoolProperties, T> setter) {
		binder.bind(property, type)
			.ifBound((value) -> defaults.add(new Default(property, value, key, isSet(environment, "betapool." + key),
					(pool, untyped) -> setter.accept(pool, type.cast(untyped)))));
	}

	/**
	 * Sets, on {@code pool}, each value whose {@code betapool.*} equivalent is not set, and records where
	 * it came from, so that an invalid one is reported under its own name.
	 */
	void applyTo(PoolProperties pool) {
		for (Default value : this.defaults) {
			if (!value.overridden()) {
				value.applyTo(pool);
			}
		}
	}

	/**
	 * Logs, at most, one INFO line naming the values taken and those an explicit {@code betapool.*} value
	 * overrode, and one WARN line naming the values that have no equivalent, with the customizers of Boot's
	 * executor the application defines, which cannot apply to an adaptive pool.
	 */
	void log(Logger logger, List<String> executorCustomizers) {
		List<String> taken = new ArrayList<>();
		for (Default value : this.defaults) {
			taken.add(value.overridden()
					? "betapool." + value.key() + " is set, so " + value.property() + " is not used"
					: value.property() + " (" + value.value() + ") as betapool." + value.key());
		}
		if (!taken.isEmpty()) {
			logger.info("BetaPool took Spring Boot's task execution properties: {}", String.join("; ", taken));
		}
		List<String> ignored = new ArrayList<>(this.unmapped);
		executorCustomizers.forEach((name) -> ignored.add("customizer bean '" + name + "'"));
		if (!ignored.isEmpty()) {
			logger.warn("BetaPool has no equivalent of, and ignores: {}", String.join(", ", ignored));
		}
	}

	private static Set<String> setPropertiesWithoutEquivalent(Environment environment) {
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of("spring.task.execution");
		Set<String> names = new TreeSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(prefix::isAncestorOf).forEach((name) -> {
					String property = name.toString();
					if (!MAPPED.contains(property)) {
						names.add(property);
					}
				});
			}
		}
		return names;
	}

	/** Whether any property source sets {@code property}. */
	static boolean isSet(Environment environment, String property) {
		return isSet(environment, ConfigurationPropertyName.adapt(property, '.'));
	}

	static boolean isSet(Environment environment, ConfigurationPropertyName name) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.getConfigurationProperty(name) != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One value of Boot's that is a default for a betapool key.
	 */
	private record Default(String property, Object value, String key, boolean overridden,
			BiConsumer<PoolProperties, Object> setter) {

		void applyTo(PoolProperties pool) {
			this.setter.accept(pool, this.value);
			pool.takenFrom(this.key, this.property);
		}

	}

}
