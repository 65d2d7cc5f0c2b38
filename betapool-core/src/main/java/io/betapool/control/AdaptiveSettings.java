package io.betapool.control;

import java.time.Duration;
import java.util.Objects;

import io.betapool.ControllerConfig;

/**
 * The tunables of the {@link AdaptivePolicy}, each with where its value comes from. A value is
 * <em>derived</em> (from a model, a statistic or a cost bound, stated on it) or <em>carried over</em>
 * from the previous law and kept after the benchmark's training scenarios ({@code --scenarios 12 --seed 1})
 * showed no reason to change it; none was fitted to a benchmark cell, and the test scenarios
 * ({@code --seed 1001}) judge them all. The user-facing settings (steps, thresholds, keep-alive) come from
 * {@link ControllerConfig}; these are the policy's own.
 *
 * @param smoothing weight of the newest tick in the smoothed β (on the log scale of
 *        {@link BlockingRatioEstimator}). <em>Derived</em>: 0.5 gives an exponential window of about two
 *        ticks, the time a pool needs to see a change confirmed twice
 * @param regimeChange a {@link BlockingRatioEstimator#distance distance} between β and β̂ larger than
 *        this is a new kind of work, and the smoothed β jumps to it. <em>Derived</em>: ln 2, work whose
 *        knee is half or twice the current one; smaller moves are followed by smoothing within two ticks
 * @param sameWork largest {@link BlockingRatioEstimator#distance distance} of β across a growth trial
 *        (and from a limit's β) for which the trial still compares like with like. <em>Derived</em>:
 *        ln(1 + trialStep) = ln 1.25, the knee moving by as much as the trial's step: a trial between
 *        {@code n} and {@code 1.25 n} says nothing about work whose knee moved by that much
 * @param spareDeviations spare threads kept when no work waits, in standard deviations of the busy
 *        count: {@code ⌈busy + z · √busy⌉}. <em>Derived</em>: with Poisson arrivals the busy count varies by
 *        about √busy, and z = 2.5 keeps the share of tasks that find every thread busy near 1 % (Erlang C)
 * @param deadband resizes smaller than this share of the pool are not made. <em>Derived</em>: the knee
 *        model's utilisation changes by less than 1 % within ±10 % of the knee
 * @param busyShare the share of its threads a pool keeps busy through a tick for the tick to show
 *        what the threads can do. <em>Derived</em>: 0.9 leaves one thread in ten for the scheduling gaps
 *        between tasks
 * @param trialStep the share of the pool a growth trial adds (or, below, removes). <em>Carried over</em>
 *        from the previous law's fewer-thread probe, a quarter, and kept: in the tuning reruns of the
 *        training scenarios no scenario lost throughput to a trial; not varied there
 * @param trialPeriods periods of the trial's wave, each one tick at each size. <em>Derived</em>: four
 *        paired differences give a one-sided t-test with three degrees of freedom
 * @param significance the t statistic a trial's gain must reach. <em>Derived</em>: the one-sided 95 %
 *        quantile of Student's t with {@code trialPeriods − 1} = 3 degrees of freedom, 2.353
 * @param probeLimit how far past the modelled knee trials may go, as a multiple of it. <em>Derived</em>:
 *        the model's knee for exponential service times is within a factor 2 of the best static size for
 *        every service-time shape in the scenarios (fixed to bimodal)
 * @param banTrials how long a limit found by a trial holds, in trial lengths. <em>Derived</em>: a trial
 *        runs half its ticks at the worse size; spacing trials ten lengths apart bounds that cost at 5 %
 * @param busyCoreRunQueueShare share of busy time spent waiting for a core, beyond what the pool's own
 *        threads explain, above which a CPU at {@code cpuUpperThreshold} counts as saturated by others.
 *        <em>Carried over</em> from the previous law, where it was set above the run-queue share the
 *        scheduler shows on an idle machine (below 5 %); not varied on the training scenarios
 * @param saturatedRunQueueShare the same excess above which a CPU at {@code cpuLowerThreshold} counts
 *        as saturated. <em>Derived</em>: one slice in five lost to other load costs more than the
 *        {@code 1 − }{@link KneeModel#TARGET_UTILISATION} the knee leaves
 * @param fastTick the tick period while the pool grows toward its target with work waiting, and the
 *        shortest gap between two ticks. <em>Derived</em>: one scheduler time slice (≈ 4–10 ms) is the
 *        shortest busy time in which β can be read; 10 ms reads a dozen workers for ≈ 25 µs
 * @param settleTick the tick period while β̂ settles after new work without growth. <em>Derived</em>: a
 *        tick must hold enough busy time to read β through the lag of the run-queue delay, which the
 *        kernel adds only when a waiting thread gets a core; 100 ms gives two workers 200 ms of it
 * @param keepAlive how long threads above the needed size stay idle before they retire
 */
public record AdaptiveSettings(double smoothing, double regimeChange, double sameWork, double spareDeviations,
		double deadband, double busyShare, double trialStep, int trialPeriods, double significance, int probeLimit,
		int banTrials, double busyCoreRunQueueShare, double saturatedRunQueueShare,
		Duration fastTick, Duration settleTick, Duration keepAlive) {

	public AdaptiveSettings {
		Objects.requireNonNull(fastTick, "fastTick");
		Objects.requireNonNull(settleTick, "settleTick");
		Objects.requireNonNull(keepAlive, "keepAlive");
		if (trialPeriods < 2) {
			throw new IllegalArgumentException("trialPeriods must be >= 2, but was " + trialPeriods);
		}
	}

	/**
	 * The settings the policy uses, with the keep-alive of the given configuration.
	 */
	public static AdaptiveSettings of(ControllerConfig config) {
		double trialStep = 0.25;
		return new AdaptiveSettings(0.5, Math.log(2), Math.log(1 + trialStep), 2.5, 0.1, 0.9, trialStep, 4, 2.353, 2,
				10, 0.05, 0.2, Duration.ofMillis(10), Duration.ofMillis(100), config.keepAlive());
	}

	/** {@code max(1, ⌈busy + spareDeviations · √busy⌉)}: the threads kept when no work waits. */
	long spareSize(double busyThreads) {
		return Math.max(1, (long) Math.ceil(busyThreads + this.spareDeviations * Math.sqrt(busyThreads)));
	}

	/**
	 * How far a pool of {@code n} threads with work waiting may grow in one tick:
	 * {@code min(max(present, n + step), n · 2^k + step)}, never more threads than tasks present, and
	 * {@code k} the fast ticks since the last growth, from 1 to 8: the size at most doubles once per fast
	 * tick, the shortest time in which the grown pool's β can be read, however late the ticks come (a
	 * tick that starts many threads delays the next). The cap of 8 is no tunable: it only keeps the shift
	 * bounded: 2⁸ already takes one thread to 256 in one tick.
	 * @param present the tasks running and queued
	 * @param sinceGrowthNanos time since the last growth, or 0 when the last tick did not grow the pool
	 */
	long growthBound(int n, long present, long sinceGrowthNanos, int step) {
		long k = Math.max(1, Math.min(8, sinceGrowthNanos / this.fastTick.toNanos()));
		return Math.min(Math.max(present, (long) n + step), ((long) n << k) + step);
	}

	/** The smallest resize made from {@code n} threads: {@code max(1, round(deadband · n))}. */
	int deadbandOf(int n) {
		return Math.max(1, (int) Math.round(this.deadband * n));
	}

}
