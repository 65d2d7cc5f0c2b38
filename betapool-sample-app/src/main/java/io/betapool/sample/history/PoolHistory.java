package io.betapool.sample.history;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.PoolMetrics;
import io.betapool.sample.load.LoadDriver;
import io.betapool.sample.load.LoadStatus;
import io.betapool.spring.boot.BetaPoolExecutors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Samples every adaptive pool of the application, and the load phase, once per
 * {@link HistoryProperties#interval()}, and keeps the latest {@link HistoryProperties#size()} samples, so
 * that the page can draw the recent past the moment it opens instead of starting from an empty chart.
 * One daemon thread of its own takes the samples; memory is bounded by the size.
 */
@Component
public class PoolHistory implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PoolHistory.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final LoadDriver driver;

	private final HistoryProperties properties;

	private final ArrayDeque<Sample> samples;

	private @Nullable ScheduledExecutorService sampler;

	private Map<String, AdaptiveThreadPoolExecutor> executors = Map.of();

	PoolHistory(ConfigurableListableBeanFactory beanFactory, LoadDriver driver, HistoryProperties properties) {
		this.beanFactory = beanFactory;
		this.driver = driver;
		this.properties = properties;
		this.samples = new ArrayDeque<>(properties.size());
	}

	/**
	 * The kept samples, oldest first.
	 */
	public History history() {
		synchronized (this.samples) {
			return new History(this.properties.interval().toMillis() / 1000.0, this.properties.size(),
					List.copyOf(this.samples));
		}
	}

	/**
	 * Takes one sample now.
	 */
	void sample() {
		Map<String, PoolSample> pools = new LinkedHashMap<>();
		this.executors.forEach((name, executor) -> pools.put(name, PoolSample.of(executor)));
		Sample sample = new Sample(System.currentTimeMillis() / 1000.0, pools, LoadSample.of(this.driver.status()));
		synchronized (this.samples) {
			if (this.samples.size() == this.properties.size()) {
				this.samples.removeFirst();
			}
			this.samples.addLast(sample);
		}
	}

	@Override
	public void start() {
		this.executors = BetaPoolExecutors.find(this.beanFactory);
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "pool-history");
			thread.setDaemon(true);
			return thread;
		});
		long period = this.properties.interval().toNanos();
		scheduler.scheduleAtFixedRate(this::sampleSafely, 0, period, TimeUnit.NANOSECONDS);
		this.sampler = scheduler;
	}

	private void sampleSafely() {
		try {
			sample();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not sample the pools: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.sampler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.sampler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.sampler != null;
	}

	/**
	 * The history as {@code GET /history} answers it.
	 *
	 * @param intervalSeconds seconds between samples
	 * @param capacity most samples kept
	 * @param samples the samples, oldest first
	 */
	public record History(double intervalSeconds, int capacity, List<Sample> samples) {

	}

	/**
	 * The pools and the load at one moment.
	 *
	 * @param time seconds since the epoch
	 * @param executors each pool's state, by bean name
	 * @param load the load driver's state
	 */
	public record Sample(double time, Map<String, PoolSample> executors, LoadSample load) {

	}

	/**
	 * One pool at one moment, with the names and units of {@code /actuator/betapool}'s metrics.
	 *
	 * @param currentThreads threads the pool has
	 * @param targetThreads the size the controller has set
	 * @param minWorkers the smallest size the controller may choose
	 * @param maxWorkers the largest size the controller may choose
	 * @param avgBlockingRatio β of the recent window, {@code null} before any task ran
	 * @param throughput tasks completed per second over the recent window
	 * @param p50Latency median latency in seconds
	 * @param p99Latency 99th percentile of the latency in seconds
	 * @param queueSize tasks waiting for a thread
	 */
	public record PoolSample(int currentThreads, int targetThreads, int minWorkers, int maxWorkers,
			@Nullable Double avgBlockingRatio, @Nullable Double throughput, double p50Latency, double p99Latency,
			int queueSize) {

		static PoolSample of(AdaptiveThreadPoolExecutor executor) {
			PoolMetrics metrics = executor.getMetrics();
			return new PoolSample(metrics.currentThreads(), executor.getTargetPoolSize(), metrics.minWorkers(),
					metrics.maxWorkers(), finite(metrics.avgBlockingRatio()), finite(metrics.throughput()),
					metrics.p50Latency().toNanos() / 1e9, metrics.p99Latency().toNanos() / 1e9, metrics.queueSize());
		}

		private static @Nullable Double finite(double value) {
			return Double.isFinite(value) ? value : null;
		}

	}

	/**
	 * The load driver at one moment, with the names of {@code GET /load}.
	 *
	 * @param running whether a plan ran
	 * @param startedAt when that plan started
	 * @param cycle how often it had started
	 * @param phase the phase that ran, if one did
	 */
	public record LoadSample(boolean running, @Nullable String startedAt, int cycle,
			LoadStatus.@Nullable CurrentPhase phase) {

		static LoadSample of(LoadStatus status) {
			return new LoadSample(status.running(), status.startedAt(), status.cycle(), status.phase());
		}

	}

}
