package io.betapool.workload;

import java.util.concurrent.locks.LockSupport;

import io.betapool.measure.Ticker;

/**
 * The two kinds of work every generator is built from: parking until a deadline, which stands in for
 * I/O (β ≈ 1), and an integer mix loop, which is real CPU work (β ≈ 0).
 *
 * <p>One mix step is {@code h ← (h ⊕ i) · φ; h ← h ⊕ (h ≫ 31)} with φ the 64-bit golden-ratio
 * constant. Each step depends on the one before, so the loop can be neither vectorised nor folded
 * into a closed form, and its result is always returned or {@linkplain #consume published} so the JIT
 * cannot remove it.
 */
final class Work {

	/** The state every mix loop starts from. */
	static final long SEED = 0x243F6A8885A308D3L;

	private static final long GOLDEN = 0x9E3779B97F4A7C15L;

	/** Mix steps between two clock reads while spinning: well under a microsecond of work. */
	private static final int SPIN_CHUNK = 256;

	private static final Ticker SYSTEM = Ticker.system();

	/** Written by {@link #consume} so that work whose result nobody reads still happens. */
	private static volatile long sink;

	private Work() {
	}

	/**
	 * Runs {@code iterations} mix steps from {@code state}; the result is also published, so the work
	 * happens even when the caller drops it.
	 */
	static long mix(long state, int iterations) {
		long h = state;
		for (int i = 0; i < iterations; i++) {
			h = (h ^ i) * GOLDEN;
			h ^= h >>> 31;
		}
		consume(h);
		return h;
	}

	/**
	 * Mixes until {@code nanos} of wall time have passed and returns the mixed state.
	 */
	static long spin(long nanos) {
		long start = System.nanoTime();
		long h = SEED;
		while (System.nanoTime() - start < nanos) {
			h = mix(h, SPIN_CHUNK);
		}
		return h;
	}

	static void consume(long value) {
		sink = value;
	}

	/**
	 * Parks the current thread for at least {@code nanos}.
	 */
	static void park(long nanos) throws InterruptedException {
		parkUntil(SYSTEM, SYSTEM.read(), nanos);
	}

	/**
	 * Parks the current thread until {@code offsetNanos} have passed since {@code origin} on the
	 * ticker. Returns at once when that time has already passed; throws when the thread is or becomes
	 * interrupted, clearing its interrupt status as {@link Thread#sleep} does.
	 */
	static void parkUntil(Ticker ticker, long origin, long offsetNanos) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		long remaining;
		while ((remaining = offsetNanos - (ticker.read() - origin)) > 0) {
			LockSupport.parkNanos(remaining);
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
		}
	}

}
