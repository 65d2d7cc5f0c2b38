package io.betapool.reliability;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.PoolMetrics;
import io.betapool.ScalingAction;
import io.betapool.measure.CpuProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.betapool.ConcurrencyTestSupport.join;
import static io.betapool.ConcurrencyTestSupport.liveThreadsNamed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak: 10 million tasks through one adaptive executor in at most 10 minutes, with random durations,
 * random failures and a workload that swings every 500 000 tasks between an I/O phase, whose slow tasks
 * sleep, and a CPU phase, whose slow tasks compute. It checks that every task ran
 * exactly once (one bit per task), that every failure reached its worker's uncaught-exception handler,
 * that no thread outlives the pool, and that the heap after a full collection does not grow with the
 * number of tasks (1 million against 10 million). Tagged {@code soak}: it runs only with
 * {@code mvn -B -pl betapool-core -Psoak verify}. {@code -Dbetapool.soak.tasks=N} runs a shorter soak.
 */
@Tag("soak")
@Timeout(value = 11, unit = TimeUnit.MINUTES)
class SoakTests {

	private static final int TASKS = Integer.getInteger("betapool.soak.tasks", 10_000_000);

	/** Where the first heap reading is taken: a tenth of the way, 1 million tasks by default. */
	private static final int CHECKPOINT = TASKS / 10;

	private static final Duration TIME_LIMIT = Duration.ofMinutes(10);

	/** The most the heap after a full collection may grow between the checkpoint and the end. */
	private static final long HEAP_SLACK_BYTES = 16L * 1024 * 1024;

	private static final int PRODUCERS = 2;

	/** Tasks accepted but not yet finished, at most; keeps the queue, and so the heap, bounded by design. */
	private static final int IN_FLIGHT = 20_000;

	/** The workload switches between I/O and CPU every this many tasks. */
	private static final int PHASE = 500_000;

	private static final String PREFIX = "soak-";

	private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);

	private final long[] ran = new long[(TASKS >>> 6) + 1];

	private final LongAdder duplicates = new LongAdder();

	private final LongAdder uncaught = new LongAdder();

	private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

	private final AtomicReference<Throwable> producerFailure = new AtomicReference<>();

	private volatile long deadlineNanos;

	/** Where CPU bursts leave their result, so that the JIT cannot drop their work. */
	private volatile long sink;

	@Test
	void tenMillionTasksRunExactlyOnceWithinTenMinutesWithoutLeakingThreadsOrHeap() throws Exception {
		// the JVM-wide helper threads the CPU probe starts once (JNA's cleaner, the JDK's process reaper) are
		// not the pool's: start them before counting threads
		CpuProbe.create().cpuPercent();
		Set<Thread> threadsBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
		AtomicInteger created = new AtomicInteger();
		ThreadFactory factory = (body) -> {
			Thread thread = new Thread(body, PREFIX + created.incrementAndGet());
			thread.setUncaughtExceptionHandler((dying, ex) -> this.uncaught.increment());
			return thread;
		};
		long start = System.nanoTime();
		this.deadlineNanos = start + TIME_LIMIT.toNanos();
		AdaptiveThreadPoolExecutor executor = AdaptiveThreadPoolExecutor.builder()
			.threadNamePrefix(PREFIX)
			.threadFactory(factory)
			.build();
		long heapAtCheckpoint;
		long heapAtEnd;
		long checkpointNanos;
		PoolMetrics metricsAtEnd;
		try {
			produce(executor, 0, CHECKPOINT);
			checkpointNanos = System.nanoTime() - start;
			heapAtCheckpoint = usedHeapAfterFullGc();
			produce(executor, CHECKPOINT, TASKS);
			heapAtEnd = usedHeapAfterFullGc();
			metricsAtEnd = executor.getMetrics();
		}
		finally {
			executor.shutdown();
			assertThat(executor.awaitTermination(1, TimeUnit.MINUTES)).as("terminated").isTrue();
		}
		long elapsedNanos = System.nanoTime() - start;
		Set<Thread> threadsAfter = new HashSet<>(Thread.getAllStackTraces().keySet());
		Set<String> newThreads = threadsAfter.stream()
			.filter((thread) -> !threadsBefore.contains(thread))
			.map((thread) -> thread.getName() + (thread.isDaemon() ? " (daemon)" : ""))
			.collect(Collectors.toSet());

		Expected expected = Expected.count(TASKS);
		long ranOnce = cardinality();
		System.out.printf(Locale.ROOT,
				"SOAK tasks=%d elapsed=%.1fs throughput=%.0f/s checkpoint=%d at %.1fs heapAtCheckpoint=%.1fMB "
						+ "heapAtEnd=%.1fMB growth=%.1fMB threadsBefore=%d threadsAfter=%d peakWorkers=%d "
						+ "workersCreated=%d failures=%d uncaught=%d scaleUps=%d scaleDowns=%d vetoes=%d%n",
				TASKS, elapsedNanos / 1e9, TASKS / (elapsedNanos / 1e9), CHECKPOINT, checkpointNanos / 1e9,
				heapAtCheckpoint / 1048576.0, heapAtEnd / 1048576.0, (heapAtEnd - heapAtCheckpoint) / 1048576.0,
				threadsBefore.size(), threadsAfter.size(), executor.threadPoolView().getLargestPoolSize(), created.get(),
				expected.failures, this.uncaught.sum(), executor.getDecisionCount(ScalingAction.SCALE_UP),
				executor.getDecisionCount(ScalingAction.SCALE_DOWN), executor.getDecisionCount(ScalingAction.VETO));

		assertThat(this.producerFailure.get()).as("producer failure").isNull();
		assertThat(Duration.ofNanos(elapsedNanos)).as("duration").isLessThanOrEqualTo(TIME_LIMIT);
		assertThat(this.duplicates.sum()).as("tasks run more than once").isZero();
		assertThat(ranOnce).as("tasks run").isEqualTo(TASKS);
		assertThat(this.uncaught.sum()).as("failures of executed tasks reported to the handler")
			.isEqualTo(expected.executedFailures);
		assertThat(executor.getMetrics().totalTasks()).as("tasks counted by the pool").isEqualTo(TASKS);
		assertThat(metricsAtEnd.queueSize()).isZero();
		assertThat(executor.getDecisionHistory()).hasSizeLessThanOrEqualTo(executor.getConfig().decisionHistorySize());
		assertThat(liveThreadsNamed(PREFIX)).as("threads of the pool after termination").isEmpty();
		assertThat(newThreads).as("threads started during the soak and still alive").isEmpty();
		assertThat(heapAtEnd - heapAtCheckpoint).as("heap growth from %d to %d tasks", CHECKPOINT, TASKS)
			.isLessThan(HEAP_SLACK_BYTES);
	}

	/** Submits tasks {@code [from, to)} from {@link #PRODUCERS} threads and waits until all have run. */
	private void produce(AdaptiveThreadPoolExecutor executor, int from, int to) throws Exception {
		List<Thread> producers = new ArrayList<>();
		for (int p = 0; p < PRODUCERS; p++) {
			int first = p;
			Thread producer = new Thread(() -> {
				try {
					for (int id = from + first; id < to; id += PRODUCERS) {
						if ((id & 0xFFFF) == 0 && System.nanoTime() - this.deadlineNanos > 0) {
							throw new IllegalStateException("time limit of " + TIME_LIMIT + " exceeded at task " + id);
						}
						this.inFlight.acquire();
						Task task = new Task(id);
						if (task.submitted()) {
							executor.submit(task);
						}
						else {
							executor.execute(task);
						}
					}
				}
				catch (Throwable ex) {
					this.producerFailure.compareAndSet(null, ex);
				}
			}, "soak-producer-" + p);
			producers.add(producer);
			producer.start();
		}
		for (Thread producer : producers) {
			producer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(this.deadlineNanos - System.nanoTime())));
		}
		if (producers.stream().anyMatch(Thread::isAlive)) {
			producers.forEach(Thread::interrupt);
			join(producers.toArray(new Thread[0]));
			throw new AssertionError("producers of tasks up to " + to + " still busy after " + TIME_LIMIT);
		}
		long left = this.deadlineNanos - System.nanoTime();
		assertThat(this.inFlight.tryAcquire(IN_FLIGHT, Math.max(0, left), TimeUnit.NANOSECONDS))
			.as("tasks up to %d finished within the time limit", to)
			.isTrue();
		this.inFlight.release(IN_FLIGHT);
	}

	private static long usedHeapAfterFullGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long least = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(200);
			least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
		}
		return least;
	}

	private long cardinality() {
		long count = 0;
		for (int i = 0; i < this.ran.length; i++) {
			count += Long.bitCount((long) BITS.getVolatile(this.ran, i));
		}
		return count;
	}

	/** A pseudo-random but reproducible 64-bit hash of a task id (SplitMix64's finaliser). */
	static long mix(long id) {
		long z = (id + 1) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * One task: sets its bit, then, as its hash says, throws (0.2 %, half {@link RuntimeException}, half
	 * {@link Error}), is slow (2 %) or does nothing. A slow task sleeps 0.1 to 1 ms in an I/O phase; in a
	 * CPU phase one slow task in two computes for 10 to 100 µs. One task in ten is submitted rather than
	 * executed.
	 */
	private final class Task implements Runnable {

		private final int id;

		private final long hash;

		Task(int id) {
			this.id = id;
			this.hash = mix(id);
		}

		boolean submitted() {
			return Expected.submitted(this.hash);
		}

		@Override
		public void run() {
			try {
				long mask = 1L << (this.id & 63);
				long before = (long) BITS.getAndBitwiseOr(SoakTests.this.ran, this.id >>> 6, mask);
				if ((before & mask) != 0) {
					SoakTests.this.duplicates.increment();
				}
				int kind = Expected.kind(this.hash);
				boolean ioPhase = (this.id / PHASE) % 2 == 0;
				long micros = 10 + Math.floorMod(this.hash >>> 40, 91);
				if (kind == Expected.SLOW && ioPhase) {
					LockSupport.parkNanos(micros * 10_000);
				}
				else if (kind == Expected.SLOW && Math.floorMod(this.hash >>> 32, 2L) == 0) {
					burn(micros * 1_000);
				}
				else if (kind == Expected.THROWS_RUNTIME_EXCEPTION) {
					throw new IllegalStateException("soak failure " + this.id);
				}
				else if (kind == Expected.THROWS_ERROR) {
					throw new SoakError(this.id);
				}
			}
			finally {
				SoakTests.this.inFlight.release();
			}
		}

		private void burn(long nanos) {
			long start = System.nanoTime();
			long x = this.hash;
			while (System.nanoTime() - start < nanos) {
				x = mix(x);
			}
			SoakTests.this.sink = x;
		}

	}

	/** What the hashes of the task ids say: how many tasks fail, and how many of those were executed. */
	private record Expected(long failures, long executedFailures) {

		static final int NOTHING = 0;

		static final int SLOW = 1;

		static final int THROWS_RUNTIME_EXCEPTION = 2;

		static final int THROWS_ERROR = 3;

		static int kind(long hash) {
			int permille = (int) Math.floorMod(hash, 1000L);
			if (permille == 0) {
				return THROWS_RUNTIME_EXCEPTION;
			}
			if (permille == 1) {
				return THROWS_ERROR;
			}
			return (permille < 22) ? SLOW : NOTHING;
		}

		static boolean submitted(long hash) {
			return Math.floorMod(hash >>> 20, 10L) == 0;
		}

		static Expected count(int tasks) {
			long failures = 0;
			long executedFailures = 0;
			for (int id = 0; id < tasks; id++) {
				long hash = mix(id);
				int kind = kind(hash);
				if (kind == THROWS_RUNTIME_EXCEPTION || kind == THROWS_ERROR) {
					failures++;
					if (!submitted(hash)) {
						executedFailures++;
					}
				}
			}
			return new Expected(failures, executedFailures);
		}

	}

	/** An {@link Error} thrown by a task on purpose. */
	private static final class SoakError extends Error {

		SoakError(int id) {
			super("soak error " + id, null, false, false);
		}

	}

}
