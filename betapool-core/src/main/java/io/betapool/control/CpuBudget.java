package io.betapool.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.betapool.measure.Ticker;
import org.jspecify.annotations.Nullable;

/**
 * One CPU budget for the pools of a process: the cores are divided among the pools that share them by
 * demand, so that each pool's knee, its CPU-saturation guard and its "cores full" rule look at the cores
 * it may use rather than at all of them.
 *
 * <p>Each tick, a pool <em>claims</em>: it reports the cores its workers used and the cores it would
 * use, its demand. The budget divides the cores by max-min fairness (water-filling):
 * <pre>
 *   demandᵢ = (active + queued) · (1 − β̂)    when work waits in pool i: a thread for every task it holds
 *           = the cores it used               otherwise
 *   sort the demands; each in turn gets min(demandᵢ, cores left / pools left)
 * </pre>
 * A pool that needs little gets what it needs, and pools whose work waits split the rest evenly. A pool
 * whose demand is met in full is not limited by the budget; any other sizes its knee for its share
 * {@code sᵢ} (the knee scales with the cores, see
 * {@link KneeModel#kneeSize(double, int, double, int)}), so CPU-bound work in every pool holds
 * {@code Σ ⌈sᵢ⌉} ≤ cores + pools − 1 threads in total: cores + 1 for two pools. The CPU the other pools
 * of the budget used is not <em>other load</em> to a pool's saturation guard: the budget has already
 * divided those cores, so an I/O pool grows beside a CPU-bound one to the knee of its share.
 *
 * <p>A claim holds until the pool claims again or leaves; a pool that stops claiming (its controller
 * paused, or ticking rarely) is forgotten after {@code max(2 s, 2 × its interval)}. There is one shared
 * budget per JVM ({@link #shared()}); tests and benchmarks make their own, or use {@link #none()} for
 * pools that each see every core.
 */
public final class CpuBudget {

	/** The least time a claim holds without being renewed. */
	static final long MIN_CLAIM_NANOS = 2_000_000_000L;

	private static final class Holder {

		static final CpuBudget SHARED = new CpuBudget(Runtime.getRuntime().availableProcessors(), Ticker.system());

	}

	private final int cores;

	private final Ticker ticker;

	private final boolean divided;

	private final List<Share> shares = new ArrayList<>();

	/**
	 * A budget of {@code cores} cores, divided among the pools that join it.
	 * @throws IllegalArgumentException if {@code cores < 1}
	 */
	public CpuBudget(int cores, Ticker ticker) {
		this(cores, ticker, true);
	}

	private CpuBudget(int cores, Ticker ticker, boolean divided) {
		if (cores < 1) {
			throw new IllegalArgumentException("cores must be >= 1, but was " + cores);
		}
		this.cores = cores;
		this.ticker = Objects.requireNonNull(ticker, "ticker");
		this.divided = divided;
	}

	/** The budget every pool of this JVM shares unless it is given another: the JVM's available processors. */
	public static CpuBudget shared() {
		return Holder.SHARED;
	}

	/** No budget: every pool that joins sees all {@code availableProcessors()} cores and no other pool. */
	public static CpuBudget none() {
		return new CpuBudget(Runtime.getRuntime().availableProcessors(), Ticker.system(), false);
	}

	/** The cores this budget divides. */
	public int cores() {
		return this.cores;
	}

	/** Whether the cores are divided among the pools that join, rather than each seeing them all. */
	public boolean isDivided() {
		return this.divided;
	}

	/**
	 * Joins the budget. The pool claims through the share each tick and {@linkplain Share#close() leaves}
	 * when it shuts down.
	 * @param name the pool's name, for {@link #toString()}
	 * @param interval the pool's monitor interval in nanoseconds: how often it claims at the least
	 */
	public Share join(String name, long interval) {
		Share share = new Share(Objects.requireNonNull(name, "name"), Math.max(MIN_CLAIM_NANOS, 2 * interval));
		if (this.divided) {
			synchronized (this.shares) {
				this.shares.add(share);
			}
		}
		return share;
	}

	/** The pools that hold a live claim. */
	public int pools() {
		synchronized (this.shares) {
			long now = this.ticker.read();
			return (int) this.shares.stream().filter((s) -> s.isLive(now)).count();
		}
	}

	/**
	 * Max-min fair shares of {@code cores} for the given demands (∞ for a pool that would use all it
	 * gets), in the demands' order.
	 */
	static double[] waterFill(double cores, double[] demands) {
		Integer[] order = new Integer[demands.length];
		Arrays.setAll(order, (i) -> i);
		Arrays.sort(order, (a, b) -> Double.compare(demands[a], demands[b]));
		double[] shares = new double[demands.length];
		double left = cores;
		for (int k = 0; k < order.length; k++) {
			int i = order[k];
			double fair = left / (order.length - k);
			shares[i] = Math.max(0, Math.min(demands[i], fair));
			left -= shares[i];
		}
		return shares;
	}

	/**
	 * Claims a pool's share for the tick {@code sample} measured: with work waiting it would use
	 * {@code (active + queued) · (1 − β̂)} cores (as many as it gets while β̂ is unknown), else what its
	 * workers used. Without a share, or from a budget that does not divide its cores, every core of the
	 * sample; never more.
	 * @param share the pool's share, or {@code null} when it has none
	 * @param sample the tick
	 * @param beta the smoothed β, NaN while unknown
	 * @param waiting whether work waits in the pool
	 */
	static Allotment claim(@Nullable Share share, ControlSample sample, double beta, boolean waiting) {
		if (share == null) {
			return new Allotment(sample.cores(), 0);
		}
		double used = CpuSaturationGuard.coresUsed(sample);
		double demand = waiting ? ((double) sample.activeThreads() + sample.queueSize()) * (1 - beta)
				: (Double.isNaN(used) ? 0 : used);
		Allotment allotment = share.claim(used, demand);
		return new Allotment(Math.min(allotment.cores(), sample.cores()), allotment.othersUsed());
	}

	private Allotment claim(Share claimant, double used, double demand) {
		if (!this.divided) {
			return new Allotment(Double.POSITIVE_INFINITY, 0);
		}
		synchronized (this.shares) {
			if (claimant.closed) {
				// a last tick of a pool that has terminated: it shares nothing any more
				return new Allotment(Double.POSITIVE_INFINITY, 0);
			}
			long now = this.ticker.read();
			claimant.used = Math.max(0, used);
			claimant.demand = Math.max(0, demand);
			claimant.claimedAt = now;
			claimant.claimed = true;
			// the claimant first, then every other live claim
			List<Double> demands = new ArrayList<>(List.of(claimant.demand));
			double othersUsed = 0;
			for (Share share : this.shares) {
				if (share != claimant && share.isLive(now)) {
					demands.add(share.demand);
					othersUsed += share.used;
				}
			}
			double share = waterFill(this.cores, demands.stream().mapToDouble(Double::doubleValue).toArray())[0];
			// a demand met in full limits nothing: the pool's own work bounds its threads
			return new Allotment((share >= claimant.demand) ? Double.POSITIVE_INFINITY : share, othersUsed);
		}
	}

	private void leave(Share share) {
		synchronized (this.shares) {
			share.closed = true;
			this.shares.remove(share);
		}
	}

	@Override
	public String toString() {
		return "CpuBudget[cores=" + this.cores + (this.divided ? ", pools=" + pools() : ", not divided") + "]";
	}

	/**
	 * What a claim got.
	 * @param cores the cores this pool may use now, less than its demand; ∞ when the budget meets its
	 *        demand in full (or does not divide its cores), since then the pool's own work bounds its threads
	 * @param othersUsed the cores the other pools of the budget used at their last claims
	 */
	public record Allotment(double cores, double othersUsed) {
	}

	/** A pool's place in the budget. */
	public final class Share implements AutoCloseable {

		private final String name;

		private final long claimNanos;

		private double used;

		private double demand;

		private long claimedAt;

		private boolean claimed;

		private boolean closed;

		private Share(String name, long claimNanos) {
			this.name = name;
			this.claimNanos = claimNanos;
		}

		/**
		 * Claims cores for the next tick.
		 * @param used the cores the pool's workers used in the tick just measured (NaN counts as 0)
		 * @param demand the cores the pool would use: {@link Double#POSITIVE_INFINITY} for as many as it
		 *     gets, NaN for as many as it gets
		 */
		public Allotment claim(double used, double demand) {
			return CpuBudget.this.claim(this, Double.isNaN(used) ? 0 : used,
					Double.isNaN(demand) ? Double.POSITIVE_INFINITY : demand);
		}

		/** Leaves the budget: the other pools divide the cores without this one. */
		@Override
		public void close() {
			leave(this);
		}

		private boolean isLive(long now) {
			return this.claimed && now - this.claimedAt < this.claimNanos;
		}

		@Override
		public String toString() {
			return "Share[" + this.name + "]";
		}

	}

}
