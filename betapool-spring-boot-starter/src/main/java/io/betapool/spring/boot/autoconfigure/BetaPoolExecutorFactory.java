package io.betapool.spring.boot.autoconfigure;

import java.util.List;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.spring.boot.BetaPoolTaskExecutor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;

/**
 * Builds every adaptive executor of the starter from its effective properties: the application task
 * executor from the top level, a named executor from {@code betapool.executors.<name>.*} over the top
 * level, and the web server's pool from the top level and Tomcat's thread sizes. Each is validated, so that
 * an invalid value is reported under the property that set it, and customized by the
 * {@link BetaPoolExecutorCustomizer} beans.
 */
final class BetaPoolExecutorFactory {

	/** The prefix of the named executors' properties. */
	static final String EXECUTORS_PREFIX = "betapool.executors";

	private final Environment environment;

	private final BetaPoolProperties properties;

	private final @Nullable TaskDecorator taskDecorator;

	private final List<BetaPoolExecutorCustomizer> customizers;

	BetaPoolExecutorFactory(Environment environment, BetaPoolProperties properties,
			@Nullable TaskDecorator taskDecorator, List<BetaPoolExecutorCustomizer> customizers) {
		this.environment = environment;
		this.properties = properties;
		this.taskDecorator = taskDecorator;
		this.customizers = List.copyOf(customizers);
	}

	/** The application task executor, configured by the top-level properties. */
	BetaPoolTaskExecutor applicationTaskExecutor() {
		return create(this.properties, this.taskDecorator);
	}

	/**
	 * The executor named {@code name}: the top-level values, overridden by those set under
	 * {@code betapool.executors.<name>}; its threads are named {@code <name>-N} unless it sets its own
	 * prefix.
	 * @param name the name of the executor, also its bean name
	 * @return the executor, with the task decorators applied
	 */
	BetaPoolTaskExecutor namedExecutor(String name) {
		return create(namedProperties(name), this.taskDecorator);
	}

	/**
	 * The pool for the web server's request threads: the top-level values, with
	 * {@code server.tomcat.threads.min-spare} and {@code server.tomcat.threads.max} (10 and 200 unless set)
	 * as its smallest and largest size, and threads named {@code tomcat-N}. Request threads get no task
	 * decorator: a decorator captures the context of the thread that submits, here Tomcat's poller.
	 * @return the executor
	 */
	BetaPoolTaskExecutor webServerExecutor() {
		PoolProperties pool = new PoolProperties();
		pool.copyFrom(this.properties);
		Binder binder = Binder.get(this.environment);
		pool.setMinWorkers(binder.bind("server.tomcat.threads.min-spare", Integer.class).orElse(10));
		pool.takenFrom("min-workers", "server.tomcat.threads.min-spare");
		pool.setMaxWorkers(binder.bind("server.tomcat.threads.max", Integer.class).orElse(200));
		pool.takenFrom("max-workers", "server.tomcat.threads.max");
		pool.setThreadNamePrefix("tomcat-");
		pool.validate("betapool");
		return create(pool, null);
	}

	PoolProperties namedProperties(String name) {
		String prefix = EXECUTORS_PREFIX + "." + name;
		PoolProperties pool = new PoolProperties();
		pool.copyFrom(this.properties);
		pool.setThreadNamePrefix(name + "-");
		ConfigurationPropertyName prefixName = ConfigurationPropertyName.adapt(prefix, '.');
		Binder.get(this.environment).bind(prefixName, Bindable.ofInstance(pool));
		for (String key : PoolProperties.KEYS) {
			if (SpringTaskExecutionDefaults.isSet(this.environment, prefixName.append(key))
					|| key.equals("thread-name-prefix")) {
				pool.takenFrom(key, prefix + "." + key);
			}
			else {
				pool.takenFrom(key, this.properties.propertyName("betapool", key));
			}
		}
		pool.validate(prefix);
		return pool;
	}

	private BetaPoolTaskExecutor create(PoolProperties properties, @Nullable TaskDecorator taskDecorator) {
		AdaptiveThreadPoolExecutor.Builder builder = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(properties.getMinWorkers())
			.maxWorkers(properties.getMaxWorkers())
			.queueCapacity(properties.getQueueCapacity())
			.threadNamePrefix(properties.getThreadNamePrefix())
			.config(controllerConfig(properties));
		this.customizers.forEach((customizer) -> customizer.customize(builder));
		return new BetaPoolTaskExecutor(builder.build(), taskDecorator,
				properties.getShutdown().getAwaitTerminationPeriod());
	}

	static ControllerConfig controllerConfig(PoolProperties properties) {
		BetaPoolProperties.Controller controller = properties.getController();
		return ControllerConfig.builder()
			.monitorInterval(controller.getMonitorInterval())
			.betaHighThreshold(controller.getBetaHighThreshold())
			.betaLowThreshold(controller.getBetaLowThreshold())
			.scaleUpStep(controller.getScaleUpStep())
			.scaleDownStep(controller.getScaleDownStep())
			.cpuUpperThreshold(controller.getCpuUpperThreshold())
			.cpuLowerThreshold(controller.getCpuLowerThreshold())
			.stabilizationWindow(controller.getStabilizationWindow())
			.warmupTaskCount(controller.getWarmupTaskCount())
			.keepAlive(controller.getKeepAlive())
			.policy(properties.getPolicy())
			.decisionHistorySize(properties.getDecisionHistorySize())
			.build();
	}

}
