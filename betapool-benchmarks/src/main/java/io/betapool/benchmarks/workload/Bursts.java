package io.betapool.benchmarks.workload;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * On/off load: work is offered for {@code on}, then nothing for the first gap, then for {@code on}
 * again, and so on, {@code gaps.size() + 1} bursts in all. With {@code P} phases, burst {@code i} (from
 * 0) of {@code B} runs phase {@code ⌊i · P / B⌋}, so the phases follow one another and each has at
 * least one burst when {@code B ≥ P}.
 *
 * <p>What is offered during a burst is the load mode's: a closed loop keeps its tasks outstanding, an
 * open loop draws arrivals; in a gap nothing is submitted, and tasks still running finish.
 *
 * @param on how long each burst offers work
 * @param gaps the idle gaps between bursts, in order; at least one
 */
public record Bursts(Duration on, List<Duration> gaps) {

	public Bursts {
		Objects.requireNonNull(on, "on");
		gaps = List.copyOf(gaps);
		if (on.isNegative() || on.isZero()) {
			throw new IllegalArgumentException("on must be positive, but was " + on);
		}
		if (gaps.isEmpty()) {
			throw new IllegalArgumentException("bursts need at least one gap");
		}
		for (Duration gap : gaps) {
			if (gap.isNegative() || gap.isZero()) {
				throw new IllegalArgumentException("gaps must be positive, but one was " + gap);
			}
		}
	}

	/** How many bursts there are: one more than the gaps. */
	public int count() {
		return this.gaps.size() + 1;
	}

	/** The phase burst {@code burst} runs, of {@code phases}: {@code ⌊burst · phases / count⌋}. */
	public int phaseOf(int burst, int phases) {
		return Math.min(phases - 1, burst * phases / count());
	}

	/** The whole timeline: every burst and every gap. */
	public Duration total() {
		Duration total = this.on.multipliedBy(count());
		for (Duration gap : this.gaps) {
			total = total.plus(gap);
		}
		return total;
	}

	/** The share of the timeline during which work is offered. */
	public double activeShare() {
		return (double) this.on.multipliedBy(count()).toNanos() / total().toNanos();
	}

	/** These bursts with every duration multiplied by {@code factor}. */
	public Bursts scaled(double factor) {
		return new Bursts(scale(this.on, factor), this.gaps.stream().map((gap) -> scale(gap, factor)).toList());
	}

	private static Duration scale(Duration duration, double factor) {
		return Duration.ofNanos(Math.max(1, Math.round(duration.toNanos() * factor)));
	}

}
