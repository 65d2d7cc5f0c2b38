package io.betapool;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds its tasks until opened, and records which of them started, were interrupted or finished.
 */
public final class Gate {

	final CountDownLatch release = new CountDownLatch(1);

	final CountDownLatch started;

	/** How many of the gate's tasks have finished, that is passed the open gate. */
	public final AtomicInteger finished = new AtomicInteger();

	/** How many of the gate's tasks were interrupted while waiting at it. */
	public final AtomicInteger interrupted = new AtomicInteger();

	/** A gate whose {@link #awaitStarted()} waits for the given number of tasks to start. */
	public Gate(int expectedStarts) {
		this.started = new CountDownLatch(expectedStarts);
	}

	/** A new task that waits at this gate. */
	public GatedTask task(String name) {
		return new GatedTask(this, name);
	}

	/** Waits, at most {@link ConcurrencyTestSupport#LONG_DELAY_MS}, for the expected number of tasks to start. */
	public void awaitStarted() throws InterruptedException {
		ConcurrencyTestSupport.await(this.started);
	}

	/** Lets every task waiting at the gate, and every later one, pass. */
	public void open() {
		this.release.countDown();
	}

}
