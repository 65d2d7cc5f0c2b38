package io.betapool.benchmarks.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import io.betapool.benchmarks.contender.Contender;
import io.betapool.workload.WorkloadGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A randomly drawn workload of the scenario suite: 1–3 phases of work, each with its own CPU time,
 * blocking time, share of the CPU time under one lock shared by all tasks and service-time shape, and
 * one way of offering it. {@link #draw(long, int)} draws a seed set's scenarios; the same seed always
 * gives the same scenarios, and scenario {@code i} of a seed does not depend on how many are drawn.
 *
 * <p>Each scenario draws, from its own generator:
 * <pre>
 *   phases       1, 2 or 3, equally likely
 *   arrival      closed loop, Poisson or on/off bursts, equally likely
 *   outstanding  20–400 tasks, uniform (closed loop and on/off)
 *   on           {@value #MIN_ON_SECONDS}–{@value #MAX_ON_SECONDS} s per burst, uniform (on/off)
 *   gaps         max(2, phases) − 1 idle gaps of 1–10 s each, uniform (on/off)
 *   per phase:
 *     c          CPU time per task, log-uniform in 0.05–20 ms
 *     b          blocking time per task, uniform in 0–100 ms
 *     lock       share of c spent holding the lock, uniform in 0–30 %
 *     shape      fixed, exponential, lognormal σ 1 or bimodal 90/10, equally likely (see {@link ServiceShape})
 *     load       share of the phase's capacity offered by Poisson arrivals, uniform in 30–90 %
 * </pre>
 * Every value is drawn whatever the arrival, so that the draws after it do not depend on it. The
 * capacity of a phase is its physical limit with as many threads as the largest pool
 * ({@value Contender#BETAPOOL_MAX}): {@code min(cores / c, N / (c + b), 1 / s)} with
 * {@code N = } {@value Contender#BETAPOOL_MAX}, {@code s = lock · c} ({@link PhysicalLimit}).
 *
 * <p>The on/off durations are drawn for a scenario of {@value #NOMINAL_SECONDS} s; a run that measures
 * scenarios for another length scales them with it ({@link #toSpec}).
 *
 * @param seed the seed of the set it belongs to
 * @param index its place in the set, from 0
 * @param arrival how tasks are offered
 * @param outstanding tasks a closed loop keeps in progress (closed loop and on/off)
 * @param bursts the bursts and gaps of on/off load, for a {@value #NOMINAL_SECONDS} s scenario; {@code null} otherwise
 * @param phases the phases in the order they run
 */
public record Scenario(long seed, int index, Arrival arrival, int outstanding, @Nullable Bursts bursts,
		List<Work> phases) {

	/** The least CPU time per task, in ms. */
	public static final double MIN_CPU_MS = 0.05;

	/** The most CPU time per task, in ms. */
	public static final double MAX_CPU_MS = 20;

	/** The most blocking time per task, in ms. */
	public static final double MAX_BLOCK_MS = 100;

	/** The largest share of the CPU time under the lock. */
	public static final double MAX_LOCK_SHARE = 0.3;

	/** The fewest tasks a closed loop keeps outstanding. */
	public static final int MIN_OUTSTANDING = 20;

	/** The most tasks a closed loop keeps outstanding. */
	public static final int MAX_OUTSTANDING = 400;

	/** The lowest Poisson load, as a share of capacity. */
	public static final double MIN_LOAD = 0.3;

	/** The highest Poisson load, as a share of capacity. */
	public static final double MAX_LOAD = 0.9;

	/** The shortest burst of on/off load, in seconds. */
	public static final double MIN_ON_SECONDS = 0.5;

	/** The longest burst of on/off load, in seconds. */
	public static final double MAX_ON_SECONDS = 2;

	/** The shortest idle gap of on/off load, in seconds. */
	public static final double MIN_GAP_SECONDS = 1;

	/** The longest idle gap of on/off load, in seconds. */
	public static final double MAX_GAP_SECONDS = 10;

	/** The most phases a scenario has. */
	public static final int MAX_PHASES = 3;

	/** The length the on/off durations are drawn for, in seconds. */
	public static final long NOMINAL_SECONDS = 10;

	public Scenario {
		Objects.requireNonNull(arrival, "arrival");
		phases = List.copyOf(phases);
		if (phases.isEmpty()) {
			throw new IllegalArgumentException("a scenario needs at least one phase");
		}
		if ((arrival == Arrival.ON_OFF) != (bursts != null)) {
			throw new IllegalArgumentException("bursts are needed for on/off load and only there");
		}
	}

	/**
	 * The first {@code count} scenarios of the set {@code seed}: scenario {@code i} draws from the
	 * {@code i}-th generator split off {@code new SplittableRandom(seed)}.
	 */
	public static List<Scenario> draw(long seed, int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must be >= 0, but was " + count);
		}
		SplittableRandom root = new SplittableRandom(seed);
		List<Scenario> scenarios = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			scenarios.add(draw(seed, i, root.split()));
		}
		return scenarios;
	}

	private static Scenario draw(long seed, int index, SplittableRandom random) {
		int phaseCount = 1 + random.nextInt(MAX_PHASES);
		Arrival arrival = Arrival.values()[random.nextInt(Arrival.values().length)];
		int outstanding = random.nextInt(MIN_OUTSTANDING, MAX_OUTSTANDING + 1);
		Duration on = seconds(random.nextDouble(MIN_ON_SECONDS, MAX_ON_SECONDS));
		List<Duration> gaps = new ArrayList<>();
		for (int i = 0; i < Math.max(2, phaseCount) - 1; i++) {
			gaps.add(seconds(random.nextDouble(MIN_GAP_SECONDS, MAX_GAP_SECONDS)));
		}
		List<Work> phases = new ArrayList<>();
		for (int i = 0; i < phaseCount; i++) {
			double cpuMs = Math.exp(random.nextDouble(Math.log(MIN_CPU_MS), Math.log(MAX_CPU_MS)));
			double blockMs = random.nextDouble(0, MAX_BLOCK_MS);
			double lockShare = random.nextDouble(0, MAX_LOCK_SHARE);
			ServiceShape shape = ServiceShape.values()[random.nextInt(ServiceShape.values().length)];
			double load = random.nextDouble(MIN_LOAD, MAX_LOAD);
			phases.add(new Work(cpuMs, blockMs, lockShare, shape, load));
		}
		return new Scenario(seed, index, arrival, outstanding,
				(arrival == Arrival.ON_OFF) ? new Bursts(on, gaps) : null, phases);
	}

	/** An identifier for files, CSV and the report: {@code s<seed>-<index>}, the index from 1, two digits. */
	public String id() {
		return String.format(Locale.ROOT, "s%d-%02d", this.seed, this.index + 1);
	}

	/**
	 * The workload this scenario runs: its phases as {@link Phase}s whose CPU work is sized by
	 * {@code calibration}, sharing one lock, with on/off durations scaled by {@code seconds / }
	 * {@value #NOMINAL_SECONDS}.
	 */
	public WorkloadSpec toSpec(Calibration calibration, double seconds) {
		Object lock = new Object();
		List<Phase> specPhases = new ArrayList<>();
		for (int i = 0; i < this.phases.size(); i++) {
			Work work = this.phases.get(i);
			specPhases.add(new Phase("phase " + (i + 1), work.description(), work.cpuMs(), work.blockMs(),
					work.serialMs(), work.task(calibration, lock)));
		}
		Bursts scaled = (this.bursts != null) ? this.bursts.scaled(seconds / NOMINAL_SECONDS) : null;
		int loop = (this.arrival == Arrival.POISSON) ? 1 : this.outstanding;
		return new WorkloadSpec(id(), "Scenario " + id(), specPhases, loop, scaled);
	}

	/** The Poisson arrival rate of each phase, in tasks per second: {@code load × capacity}. */
	public double[] rates(int cores) {
		double[] rates = new double[this.phases.size()];
		for (int i = 0; i < rates.length; i++) {
			rates[i] = this.phases.get(i).load() * this.phases.get(i).capacity(cores);
		}
		return rates;
	}

	/**
	 * The most threads that can be busy at once: the tasks outstanding of a closed loop, the largest
	 * pool's {@value Contender#BETAPOOL_MAX} for Poisson arrivals.
	 */
	public int concurrencyCap() {
		return (this.arrival == Arrival.POISSON) ? Contender.BETAPOOL_MAX
				: Math.min(this.outstanding, Contender.BETAPOOL_MAX);
	}

	/**
	 * How the tasks arrive in a scenario measured for {@code seconds}, in a few words, such as
	 * {@code closed loop of 120}; on/off durations are given as scaled for that length.
	 */
	public String arrivalDescription(double seconds) {
		return switch (this.arrival) {
			case CLOSED -> "closed loop of " + this.outstanding;
			case POISSON -> "Poisson at " + String.join(" → ",
					this.phases.stream().map((w) -> Math.round(w.load() * 100) + " %").toList()) + " of capacity";
			case ON_OFF -> {
				Bursts b = Objects.requireNonNull(this.bursts).scaled(seconds / NOMINAL_SECONDS);
				yield String.format(Locale.ROOT, "closed loop of %d in %d bursts of %.2f s, gaps %s s",
						this.outstanding, b.count(), b.on().toMillis() / 1e3,
						String.join(" · ", b.gaps().stream()
							.map((g) -> String.format(Locale.ROOT, "%.2f", g.toMillis() / 1e3))
							.toList()));
			}
		};
	}

	private static Duration seconds(double seconds) {
		return Duration.ofNanos(Math.round(seconds * 1e9));
	}

	/**
	 * The work of one phase.
	 *
	 * @param cpuMs mean CPU time per task, c
	 * @param blockMs mean blocking time per task, b
	 * @param lockShare the share of c spent holding the scenario's lock
	 * @param shape how each task's times vary around the means
	 * @param load the share of capacity Poisson arrivals offer (drawn for every arrival, used by Poisson only)
	 */
	public record Work(double cpuMs, double blockMs, double lockShare, ServiceShape shape, double load) {

		public Work {
			Objects.requireNonNull(shape, "shape");
			PhysicalLimit.kneeThreads(1, cpuMs, blockMs, lockShare * cpuMs);
			if (!(lockShare >= 0 && lockShare <= 1)) {
				throw new IllegalArgumentException("lockShare must be in [0, 1], but was " + lockShare);
			}
		}

		/** The mean CPU time under the lock, s = lock · c. */
		public double serialMs() {
			return this.lockShare * this.cpuMs;
		}

		/** The nominal blocking ratio b / (c + b). */
		public double beta() {
			return this.blockMs / (this.cpuMs + this.blockMs);
		}

		/** The knee of the physical limit on {@code cores}, in threads. */
		public double knee(int cores) {
			return PhysicalLimit.kneeThreads(cores, this.cpuMs, this.blockMs, serialMs());
		}

		/** The physical limit with {@value Contender#BETAPOOL_MAX} tasks in progress, in tasks per second. */
		public double capacity(int cores) {
			return PhysicalLimit.throughput(cores, this.cpuMs, this.blockMs, serialMs(), Contender.BETAPOOL_MAX);
		}

		/** The work in a few words, such as {@code 41 ms wait, then 3.2 ms CPU (12 % under the lock), lognormal σ 1}. */
		public String description() {
			return String.format(Locale.ROOT, "%s ms wait, then %s ms CPU (%d %% under the lock), %s", round(this.blockMs),
					round(this.cpuMs), Math.round(this.lockShare * 100), this.shape.label());
		}

		/**
		 * A task of this work: one draw {@code m} of the shape, then {@code m · b} of blocking, then
		 * {@code m · (c − s)} of CPU work, then {@code m · s} of CPU work holding {@code lock}.
		 */
		Callable<Object> task(Calibration calibration, Object lock) {
			double freeMs = this.cpuMs - serialMs();
			double serialMs = serialMs();
			return () -> {
				double m = this.shape.multiplier(ThreadLocalRandom.current());
				long free = WorkloadGenerator.mixedTask(m * this.blockMs, calibration.iterations(m * freeMs)).call();
				if (serialMs > 0) {
					free ^= WorkloadGenerator.contendedTask(lock, calibration.iterations(m * serialMs)).call();
				}
				return free;
			};
		}

		private static String round(double ms) {
			return (ms >= 10) ? String.format(Locale.ROOT, "%.0f", ms)
					: (ms >= 1) ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.2f", ms);
		}

	}

}
