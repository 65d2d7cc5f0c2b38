package io.betapool.workload;

import java.time.Duration;
import java.util.Objects;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;

import io.betapool.measure.Ticker;

/**
 * When tasks arrive, for open-loop load: a harness submits each task at its arrival time whether or
 * not earlier tasks have finished, as independent clients would.
 *
 * <p>A process is a {@linkplain #schedule() schedule} of arrival times measured from the start of a
 * run. {@link #drive(Duration, Runnable) drive} paces submissions against that absolute schedule: the
 * arrival at offset t is due at start + t, so a late wake-up or a slow submit never pushes later
 * arrivals back, and a driver that has fallen behind submits the overdue arrivals at once rather than
 * dropping them. Waiting parks the driving thread; it never spins.
 */
public interface ArrivalProcess {

	/**
	 * The arrival times of a new run, in nanoseconds from its start, never decreasing; usually an
	 * infinite stream.
	 */
	LongStream schedule();

	/**
	 * Runs {@code submit} at every arrival of a new run that falls within {@code duration}, returns
	 * after {@code duration} has passed, and returns how many arrivals it submitted.
	 * @throws InterruptedException if the driving thread is interrupted; the run ends there
	 * @throws IllegalArgumentException if {@code duration} is negative
	 * @see #drive(Duration, Runnable, Ticker)
	 */
	default long drive(Duration duration, Runnable submit) throws InterruptedException {
		return drive(duration, submit, Ticker.system());
	}

	/**
	 * Runs {@code submit} at every arrival of a new run that falls within {@code duration}, reading
	 * time from {@code ticker}, and returns how many arrivals it submitted.
	 * <p>Arrivals at offsets below {@code duration} are submitted, each no earlier than its time; the
	 * method then waits until {@code duration} has passed. An exception thrown by {@code submit} ends
	 * the run and propagates.
	 * @throws InterruptedException if the driving thread is interrupted; the run ends there
	 * @throws IllegalArgumentException if {@code duration} is negative
	 */
	default long drive(Duration duration, Runnable submit, Ticker ticker) throws InterruptedException {
		Objects.requireNonNull(duration, "duration");
		Objects.requireNonNull(submit, "submit");
		Objects.requireNonNull(ticker, "ticker");
		long durationNanos = Checks.nanos(Checks.notNegative("duration", duration));
		long origin = ticker.read();
		long submitted = 0;
		PrimitiveIterator.OfLong arrivals = schedule().iterator();
		while (arrivals.hasNext()) {
			long arrival = arrivals.nextLong();
			if (arrival >= durationNanos) {
				break;
			}
			Work.parkUntil(ticker, origin, arrival);
			submit.run();
			submitted++;
		}
		Work.parkUntil(ticker, origin, durationNanos);
		return submitted;
	}

}
