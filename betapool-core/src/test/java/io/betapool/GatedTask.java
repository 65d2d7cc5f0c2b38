package io.betapool;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * A task that waits at its {@link Gate}; usable as a {@link Runnable} or a {@link Callable}, which returns
 * its name or throws {@link InterruptedException} when interrupted.
 */
public final class GatedTask implements Runnable, Callable<String> {

	private final Gate gate;

	private final String name;

	/** Opens when the task has ended in any way. */
	public final CountDownLatch ended = new CountDownLatch(1);

	public volatile boolean started;

	public volatile boolean interrupted;

	public volatile boolean finished;

	GatedTask(Gate gate, String name) {
		this.gate = gate;
		this.name = name;
	}

	@Override
	public String call() throws InterruptedException {
		this.started = true;
		this.gate.started.countDown();
		try {
			this.gate.release.await();
			this.finished = true;
			this.gate.finished.incrementAndGet();
			return this.name;
		}
		catch (InterruptedException ex) {
			this.interrupted = true;
			this.gate.interrupted.incrementAndGet();
			throw ex;
		}
		finally {
			this.ended.countDown();
		}
	}

	@Override
	public void run() {
		try {
			call();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "GatedTask[" + this.name + "]";
	}

}
