package io.betapool.spring.boot.advice;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.betapool.control.KneeModel;
import io.betapool.measure.BlockingRatio;
import io.betapool.measure.SchedStat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Measures the application's own pools and works out, for each, the size the adaptive policy would give
 * it, without changing it.
 *
 * <p>Twenty times per interval one daemon thread ({@code betapool-advice}) reads each pool's active
 * count, which sums to its busy thread-time. Once per interval it reads each worker's time on a core and
 * time waiting for one from Linux's {@code /proc/self/task/<tid>/schedstat} (the JDK's thread CPU time
 * where those are missing), and computes β = 1 − cpu / (busy − run-queue wait) as the core does. The
 * advice follows the adaptive policy's two rules with the knee of {@link KneeModel}: while tasks wait,
 * {@code min(knee, busy + queued)}; otherwise {@code min(knee, ⌈busy + 2.5·√busy⌉)}, at least 1.
 * Nothing touches the pools' tasks; the thread's own CPU time is kept, as the cost of the advice.
 */
public class PoolAdvisor implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PoolAdvisor.class);

	/** Activity samples per interval. */
	static final int SAMPLES_PER_INTERVAL = 20;

	/** Less busy time than this in an interval is too little to judge β by, as in the core. */
	private static final long MIN_BUSY_NANOS = 1_000_000;

	private static final int KNEE_LIMIT = 4096;

	private final List<ObservedPool> pools = new CopyOnWriteArrayList<>();

	private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final Map<Thread, Probe> probes = new HashMap<>();

	private final Duration interval;

	private final int cores;

	private @Nullable ScheduledExecutorService sampler;

	private volatile long samplerCpuNanos;

	private volatile long startedNanos;

	private long lastSampleNanos;

	private int samples;

	/**
	 * An advisor that works out its advice once per {@code interval}.
	 */
	public PoolAdvisor(Duration interval) {
		this(interval, Runtime.getRuntime().availableProcessors());
	}

	PoolAdvisor(Duration interval, int cores) {
		this.interval = Objects.requireNonNull(interval, "interval");
		this.cores = cores;
	}

	/**
	 * Starts observing a pool: from now on, every worker it starts is measured.
	 * @param name the name of the bean
	 * @param executor the pool, which may be created later (as a {@code ThreadPoolTaskExecutor}'s is)
	 */
	public synchronized void observe(String name, Supplier<ThreadPoolExecutor> executor) {
		ObservedPool pool = new ObservedPool(name, executor);
		this.pools.add(pool);
		if (this.sampler != null) {
			pool.observeWorkers();
		}
		this.listeners.forEach((listener) -> listener.accept(name));
	}

	/**
	 * Calls {@code listener} with the name of every pool observed, now and from now on.
	 */
	public synchronized void whenObserved(Consumer<String> listener) {
		this.listeners.add(listener);
		this.pools.forEach((pool) -> listener.accept(pool.name));
	}

	/**
	 * The latest advice for each observed pool, by bean name; a pool without advice yet is absent.
	 */
	public Map<String, PoolAdvice> advice() {
		Map<String, PoolAdvice> advice = new LinkedHashMap<>();
		for (ObservedPool pool : this.pools) {
			PoolAdvice latest = pool.advice;
			if (latest != null) {
				advice.put(pool.name, latest);
			}
		}
		return advice;
	}

	/** The names of the observed pools. */
	public List<String> names() {
		return this.pools.stream().map((pool) -> pool.name).toList();
	}

	/** The latest advice for the named pool, or {@code null}. */
	public @Nullable PoolAdvice advice(String name) {
		for (ObservedPool pool : this.pools) {
			if (pool.name.equals(name)) {
				return pool.advice;
			}
		}
		return null;
	}

	/**
	 * The CPU time the advisor's thread has used, in percent of one core over its life.
	 */
	public double costPercentOfOneCore() {
		long wall = System.nanoTime() - this.startedNanos;
		return (this.startedNanos == 0 || wall <= 0) ? 0.0 : 100.0 * this.samplerCpuNanos / wall;
	}

	@Override
	public synchronized void start() {
		if (this.sampler != null) {
			return;
		}
		for (ObservedPool pool : this.pools) {
			pool.observeWorkers();
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "betapool-advice");
			thread.setDaemon(true);
			return thread;
		});
		this.startedNanos = System.nanoTime();
		this.lastSampleNanos = this.startedNanos;
		long period = this.interval.toNanos() / SAMPLES_PER_INTERVAL;
		scheduler.scheduleAtFixedRate(this::sampleSafely, period, period, TimeUnit.NANOSECONDS);
		this.sampler = scheduler;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService scheduler = this.sampler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.sampler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.sampler != null;
	}

	private void sampleSafely() {
		try {
			sample(System.nanoTime());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not measure the application's thread pools: {}", ex.toString());
		}
		finally {
			this.samplerCpuNanos = this.threads.getCurrentThreadCpuTime();
		}
	}

	/** One activity sample; every {@value #SAMPLES_PER_INTERVAL}th also works out the advice. */
	synchronized void sample(long now) {
		long elapsed = now - this.lastSampleNanos;
		this.lastSampleNanos = now;
		for (ObservedPool pool : this.pools) {
			pool.busyNanos += pool.executor().getActiveCount() * elapsed;
		}
		if (++this.samples % SAMPLES_PER_INTERVAL == 0) {
			advise(now);
		}
	}

	private void advise(long now) {
		for (ObservedPool pool : this.pools) {
			long cpu = 0;
			long runQueue = 0;
			boolean runQueueKnown = true;
			for (Map.Entry<Thread, Long> worker : pool.workers.entrySet()) {
				Probe probe = this.probes.computeIfAbsent(worker.getKey(), (thread) -> new Probe(thread, worker.getValue()));
				probe.read(this.threads);
				cpu += probe.cpuDelta;
				runQueue += probe.runQueueDelta;
				runQueueKnown &= probe.schedStat != null;
			}
			long busy = pool.busyNanos;
			pool.busyNanos = 0;
			ThreadPoolExecutor executor = pool.executor();
			pool.advice = advice(executor.getPoolSize(), executor.getQueue().size(), busy, cpu,
					runQueueKnown ? runQueue : -1);
		}
		closeProbesOfEndedWorkers();
	}

	/**
	 * The advice for one interval.
	 * @param runQueue the workers' run-queue wait, or -1 when unknown
	 */
	PoolAdvice advice(int currentThreads, int queued, long busy, long cpu, long runQueue) {
		double busyThreads = (double) busy / this.interval.toNanos();
		if (busy < MIN_BUSY_NANOS) {
			return new PoolAdvice(currentThreads, 1, null, busyThreads, queued,
					"would run 1 thread, because no task ran in the last " + seconds(this.interval));
		}
		double beta = (runQueue >= 0) ? BlockingRatio.corrected(cpu, busy, runQueue) : BlockingRatio.of(cpu, busy);
		int knee = KneeModel.kneeSize(this.cores, beta, KNEE_LIMIT);
		String atKnee = String.format(Locale.ROOT, "β %.2f on %d cores puts the knee, where the cores become the limit, at %d %s",
				beta, this.cores, knee, (knee == 1) ? "thread" : "threads");
		int threads;
		String because;
		if (queued > 0) {
			int demand = (int) Math.ceil(busyThreads) + queued;
			threads = Math.max(1, Math.min(knee, demand));
			because = (demand <= knee)
					? String.format(Locale.ROOT, "%d tasks wait while %.1f threads are busy, below the knee: %s", queued,
							busyThreads, atKnee)
					: String.format(Locale.ROOT, "%d tasks wait, but %s: more threads would only compete for the cores",
							queued, atKnee);
		}
		else {
			int staffed = (int) Math.ceil(busyThreads + 2.5 * Math.sqrt(busyThreads));
			threads = Math.max(1, Math.min(knee, staffed));
			because = (staffed <= knee)
					? String.format(Locale.ROOT,
							"no task waits and %.1f threads are busy on average: that plus 2.5·√busy spare (square-root staffing) stays below the knee; %s",
							busyThreads, atKnee)
					: String.format(Locale.ROOT, "no task waits and %s", atKnee);
		}
		return new PoolAdvice(currentThreads, threads, beta, busyThreads, queued,
				"would run " + threads + ((threads == 1) ? " thread" : " threads") + ", because " + because);
	}

	private void closeProbesOfEndedWorkers() {
		for (Iterator<Map.Entry<Thread, Probe>> it = this.probes.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Thread, Probe> entry = it.next();
			if (!entry.getKey().isAlive()) {
				entry.getValue().close();
				it.remove();
			}
		}
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? (duration.toMillis() / 1000) + " s" : duration.toMillis() + " ms";
	}

	/** One worker's counters, read by the advisor thread only. */
	private static final class Probe {

		private final Thread thread;

		private @Nullable SchedStat schedStat;

		/** A worker is observed from its start, so all its time so far is the pool's. */
		private long lastCpu;

		private long lastRunQueue;

		long cpuDelta;

		long runQueueDelta;

		Probe(Thread thread, long linuxThreadId) {
			this.thread = thread;
			this.schedStat = SchedStat.open(linuxThreadId);
		}

		void read(ThreadMXBean threads) {
			long cpu;
			long runQueue = 0;
			SchedStat stat = this.schedStat;
			if (stat != null && stat.read()) {
				cpu = stat.cpuNanos();
				runQueue = stat.runQueueNanos();
			}
			else {
				if (stat != null) {
					stat.close();
					this.schedStat = null;
				}
				cpu = threads.getThreadCpuTime(javaThreadId(this.thread));
			}
			if (cpu < 0) {
				this.cpuDelta = 0;
				this.runQueueDelta = 0;
			}
			else {
				this.cpuDelta = cpu - this.lastCpu;
				this.runQueueDelta = runQueue - this.lastRunQueue;
			}
			this.lastCpu = cpu;
			this.lastRunQueue = runQueue;
		}

		@SuppressWarnings("deprecation") // Thread.threadId() arrived in JDK 19
		private static long javaThreadId(Thread thread) {
			return thread.getId();
		}

		void close() {
			SchedStat stat = this.schedStat;
			if (stat != null) {
				stat.close();
			}
		}

	}

}
