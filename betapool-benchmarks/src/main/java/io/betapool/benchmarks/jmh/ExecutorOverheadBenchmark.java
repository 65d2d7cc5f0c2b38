package io.betapool.benchmarks.jmh;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.workload.WorkloadGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost an executor adds to every task: a batch of {@value #BATCH} tasks is submitted with
 * {@code execute} and the benchmark thread waits on a {@link CountDownLatch} that the last one
 * releases. Throughput is in tasks per second; an executor's overhead per task is roughly
 * {@code 1 / throughput − work}, and the report compares
 * <pre>
 *   ratio = throughput(betapool) / throughput(ThreadPoolExecutor)     at equal threads
 * </pre>
 * betapool runs with {@code minWorkers = maxWorkers = threads}, so its controller ticks but cannot
 * resize, and the pools are the same size. Tasks are a no-op, or {@value #TEN_MICROS_ITERATIONS}
 * iterations of the workload generators' CPU loop, about 10 µs on a current x86 core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 4, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExecutorOverheadBenchmark {

	/** Tasks per batch. */
	public static final int BATCH = 1000;

	/** Iterations of {@link WorkloadGenerator#cpuTask(int)} that take about 10 µs. */
	public static final int TEN_MICROS_ITERATIONS = 4_000;

	/** Threads of both executors. */
	@Param({ "1", "2", "4" })
	public int threads;

	/**
	 * The executor: {@code betapool} or {@code threadPoolExecutor}. JMH varies the parameter whose name
	 * sorts last fastest, so this one is named to sort after {@code threads}: the two executors run one
	 * after the other at each task and thread count, and the machine's drift over the run falls on both
	 * figures of a ratio alike.
	 */
	@Param({ "betapool", "threadPoolExecutor" })
	public String type = "";

	/** {@code noop} or {@code 10us}. */
	@Param({ "noop", "10us" })
	public String task = "";

	private ExecutorService pool = newThreadPoolExecutor(1);

	private Callable<Long> work = WorkloadGenerator.cpuTask(0);

	private boolean noop;

	@Setup(Level.Trial)
	public void start() {
		this.pool.shutdownNow();
		this.pool = switch (this.type) {
			case "betapool" -> AdaptiveThreadPoolExecutor.builder()
				.minWorkers(this.threads)
				.maxWorkers(this.threads)
				.build();
			case "threadPoolExecutor" -> newThreadPoolExecutor(this.threads);
			default -> throw new IllegalArgumentException("unknown type " + this.type);
		};
		this.noop = this.task.equals("noop");
		if (!this.noop && !this.task.equals("10us")) {
			throw new IllegalArgumentException("unknown task " + this.task);
		}
		this.work = WorkloadGenerator.cpuTask(TEN_MICROS_ITERATIONS);
	}

	@TearDown(Level.Trial)
	public void stop() throws InterruptedException {
		this.pool.shutdown();
		this.pool.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** Submits one batch and waits for all of it. */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public long batch() throws InterruptedException {
		CountDownLatch done = new CountDownLatch(BATCH);
		Runnable runnable = this.noop ? done::countDown : new Work(this.work, done);
		for (int i = 0; i < BATCH; i++) {
			this.pool.execute(runnable);
		}
		done.await();
		return done.getCount();
	}

	private static ExecutorService newThreadPoolExecutor(int threads) {
		return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
	}

	/**
	 * A CPU task that checks its result so that the loop cannot be removed, then counts down.
	 */
	private record Work(Callable<Long> cpu, CountDownLatch done) implements Runnable {

		@Override
		public void run() {
			try {
				if (this.cpu.call() == 0x5EED) {
					Thread.yield();
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			this.done.countDown();
		}

	}

}
