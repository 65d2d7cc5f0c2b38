package io.betapool.benchmarks.contender;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * Virtual threads, reached reflectively so that this module runs on JDK 17, where they do not exist:
 * {@code Executors.newVirtualThreadPerTaskExecutor()} is looked up once with {@link MethodHandles}.
 *
 * <p>Virtual threads run on carrier threads of a dedicated {@code ForkJoinPool}; the platform threads
 * they cost are those carriers plus the scheduler's helper threads, which this class counts by name:
 * {@code ForkJoinPool-<n>-worker-<m>}, {@code ForkJoinPool-<n>-delayScheduler} and
 * {@code VirtualThread-*} (the common pool's {@code ForkJoinPool.commonPool-worker-*} is not counted).
 */
public final class VirtualThreads {

	private static final @Nullable MethodHandle FACTORY = lookUp();

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private VirtualThreads() {
	}

	/** Whether the running JDK has virtual threads. */
	public static boolean available() {
		return FACTORY != null;
	}

	/**
	 * A new executor that starts one virtual thread per task.
	 * @throws IllegalStateException if the running JDK has no virtual threads
	 */
	public static ExecutorService newExecutor() {
		MethodHandle factory = FACTORY;
		if (factory == null) {
			throw new IllegalStateException("virtual threads need JDK 21 or later; this is "
					+ Runtime.version());
		}
		try {
			return (ExecutorService) factory.invokeExact();
		}
		catch (Throwable ex) {
			throw new IllegalStateException("could not create a virtual-thread executor", ex);
		}
	}

	/** The platform threads now serving virtual threads: carriers and scheduler helpers. */
	public static int platformThreads() {
		int count = 0;
		for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
			if (info != null && isSchedulerThread(info.getThreadName())) {
				count++;
			}
		}
		return count;
	}

	static boolean isSchedulerThread(String name) {
		return (name.startsWith("ForkJoinPool-") && !name.startsWith("ForkJoinPool.commonPool"))
				|| name.startsWith("VirtualThread-");
	}

	private static @Nullable MethodHandle lookUp() {
		try {
			return MethodHandles.publicLookup()
				.findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
						MethodType.methodType(ExecutorService.class));
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

}
