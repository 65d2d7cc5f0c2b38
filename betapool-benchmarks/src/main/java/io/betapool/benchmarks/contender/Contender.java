package io.betapool.benchmarks.contender;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.Policy;
import org.jspecify.annotations.Nullable;

/**
 * One executor configuration under test, and how to start it.
 *
 * <ul>
 * <li>{@link #fixed(int) static n}: {@code new ThreadPoolExecutor(n, n, 0, s, new LinkedBlockingQueue<>())},
 * what {@code Executors.newFixedThreadPool(n)} builds;</li>
 * <li>{@link #repeat(int) static n, measured again}: the same pool, for the best size of the sweep in a
 * cell of its own;</li>
 * <li>{@link #springDefault() Spring default}: Spring Boot's {@code spring.task.execution.pool}
 * defaults — core 8, max {@link Integer#MAX_VALUE}, unbounded queue, keep-alive 60 s, core threads may
 * time out — so at most 8 threads, since an unbounded queue never makes the pool grow past its core;</li>
 * <li>{@link #virtualThreads() virtual threads}: {@code Executors.newVirtualThreadPerTaskExecutor()};</li>
 * <li>{@link #betapool(Policy) betapool}: an {@link AdaptiveThreadPoolExecutor} of
 * {@value #BETAPOOL_MIN} to {@value #BETAPOOL_MAX} threads, the ceiling of the naive static pool,
 * with the default configuration and the given policy.</li>
 * </ul>
 *
 * @param id a stable identifier for files and CSV, such as {@code static-32}
 * @param label the name shown in the report
 * @param kind the kind of executor
 * @param size the fixed number of threads, or 0 when the executor sizes itself
 */
public record Contender(String id, String label, ContenderKind kind, int size) {

	/** The smallest betapool size. */
	public static final int BETAPOOL_MIN = 1;

	/** The largest betapool size: the size of the naive static pool. */
	public static final int BETAPOOL_MAX = 256;

	/** Spring Boot's default core size of its task executor. */
	public static final int SPRING_CORE_SIZE = 8;

	private static final long SPRING_KEEP_ALIVE_SECONDS = 60;

	public Contender {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(kind, "kind");
	}

	/** A fixed pool of {@code size} threads. */
	public static Contender fixed(int size) {
		if (size < 1) {
			throw new IllegalArgumentException("size must be >= 1, but was " + size);
		}
		return new Contender("static-" + size, "static " + size, ContenderKind.STATIC, size);
	}

	/**
	 * A fixed pool of {@code size} threads, measured again after the sweep found it best: the highest of
	 * many noisy cells overstates its size's throughput, a fresh cell does not.
	 */
	public static Contender repeat(int size) {
		Contender fixed = fixed(size);
		return new Contender(fixed.id() + "-repeat", fixed.label(), ContenderKind.STATIC_REPEAT, size);
	}

	/** Spring Boot's default task executor settings. */
	public static Contender springDefault() {
		return new Contender("spring-default", "Spring Boot default (core 8, unbounded queue)",
				ContenderKind.SPRING_DEFAULT, SPRING_CORE_SIZE);
	}

	/** One virtual thread per task. */
	public static Contender virtualThreads() {
		return new Contender("virtual-threads", "virtual threads", ContenderKind.VIRTUAL_THREADS, 0);
	}

	/** betapool with {@code policy}. */
	public static Contender betapool(Policy policy) {
		return switch (policy) {
			case SEED -> new Contender("betapool-seed", "betapool SEED (" + BETAPOOL_MIN + "–" + BETAPOOL_MAX + ")",
					ContenderKind.BETAPOOL_SEED, 0);
			case ADAPTIVE -> new Contender("betapool-adaptive",
					"betapool ADAPTIVE (" + BETAPOOL_MIN + "–" + BETAPOOL_MAX + ")", ContenderKind.BETAPOOL_ADAPTIVE, 0);
		};
	}

	/** Starts a new executor of this configuration. */
	public RunningContender start() {
		return start(null);
	}

	/**
	 * Starts a new executor of this configuration.
	 * @param betapoolKeepAlive the keep-alive of a betapool executor; {@code null} for the library's
	 *     default. Other executors ignore it.
	 */
	public RunningContender start(@Nullable Duration betapoolKeepAlive) {
		return switch (this.kind) {
			case STATIC, STATIC_REPEAT -> {
				ThreadPoolExecutor pool = new ThreadPoolExecutor(this.size, this.size, 0, TimeUnit.SECONDS,
						new LinkedBlockingQueue<>(), daemonThreads("static-" + this.size + "-"));
				yield new RunningContender(pool, pool::getPoolSize, null);
			}
			case SPRING_DEFAULT -> {
				ThreadPoolExecutor pool = new ThreadPoolExecutor(SPRING_CORE_SIZE, Integer.MAX_VALUE,
						SPRING_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads("task-"));
				pool.allowCoreThreadTimeOut(true);
				yield new RunningContender(pool, pool::getPoolSize, null);
			}
			case VIRTUAL_THREADS -> new RunningContender(VirtualThreads.newExecutor(), VirtualThreads::platformThreads,
					null);
			case BETAPOOL_SEED, BETAPOOL_ADAPTIVE -> {
				Policy policy = (this.kind == ContenderKind.BETAPOOL_SEED) ? Policy.SEED : Policy.ADAPTIVE;
				AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder()
					.minWorkers(BETAPOOL_MIN)
					.maxWorkers(BETAPOOL_MAX)
					.config(config(policy, betapoolKeepAlive))
					.threadNamePrefix("betapool-" + policy.name().toLowerCase(Locale.ROOT) + "-")
					.build();
				yield new RunningContender(pool, pool::getCurrentThreadCount, pool);
			}
		};
	}

	private static ControllerConfig config(Policy policy, @Nullable Duration keepAlive) {
		ControllerConfig.Builder config = ControllerConfig.builder().policy(policy);
		if (keepAlive != null) {
			config.keepAlive(keepAlive);
		}
		return config.build();
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger next = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + next.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
