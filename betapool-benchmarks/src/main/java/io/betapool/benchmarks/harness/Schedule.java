package io.betapool.benchmarks.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.betapool.benchmarks.workload.Bursts;
import io.betapool.benchmarks.workload.WorkloadSpec;
import org.jspecify.annotations.Nullable;

/**
 * The timeline of one cell, in nanoseconds from its start: an unmeasured warm-up on the first phase,
 * then each phase measured in turn.
 * <pre>
 *   steady:  [warm-up: phase 0][measure: phase 0]
 *   shifts:  [warm-up: phase 0][phase 0][phase 1]…[phase k]
 *   bursts:  [warm-up: phase 0][burst][gap][burst]…[gap][burst]     each burst and the gap after it
 *                                                                 in the phase of that burst
 * </pre>
 * The gaps of on/off load are measured but idle: nothing is submitted during them.
 */
final class Schedule {

	private final List<Segment> segments;

	private Schedule(List<Segment> segments) {
		this.segments = List.copyOf(segments);
	}

	static Schedule of(WorkloadSpec spec, Duration warmup, Durations durations) {
		List<Segment> segments = new ArrayList<>();
		long at = 0;
		long warm = warmup.toNanos();
		segments.add(new Segment(0, at, at + warm, false));
		at += warm;
		Bursts bursts = spec.bursts();
		if (bursts != null) {
			long on = bursts.on().toNanos();
			int phases = spec.phases().size();
			for (int burst = 0; burst < bursts.count(); burst++) {
				int phase = bursts.phaseOf(burst, phases);
				segments.add(new Segment(phase, at, at + on, true));
				at += on;
				if (burst < bursts.gaps().size()) {
					long gap = bursts.gaps().get(burst).toNanos();
					segments.add(new Segment(phase, at, at + gap, true, false));
					at += gap;
				}
			}
		}
		else if (spec.isPhaseShift()) {
			long phase = durations.phase().toNanos();
			for (int i = 0; i < spec.phases().size(); i++) {
				segments.add(new Segment(i, at, at + phase, true));
				at += phase;
			}
		}
		else {
			long measure = durations.measure().toNanos();
			segments.add(new Segment(0, at, at + measure, true));
		}
		return new Schedule(segments);
	}

	List<Segment> segments() {
		return this.segments;
	}

	/** The segment that contains {@code offset}, or {@code null} after the end or before the start. */
	@Nullable Segment segmentAt(long offset) {
		for (Segment segment : this.segments) {
			if (offset >= segment.start && offset < segment.end) {
				return segment;
			}
		}
		return null;
	}

	/** Whether {@code offset} falls in a measured segment. */
	boolean isMeasured(long offset) {
		Segment segment = segmentAt(offset);
		return segment != null && segment.measured;
	}

	long measureStart() {
		return this.segments.get(1).start;
	}

	long end() {
		return this.segments.get(this.segments.size() - 1).end;
	}

	/**
	 * The measured stretch of phase {@code phase}: from the start of its first measured segment to the
	 * end of its last, gaps of on/off load included.
	 */
	Segment measured(int phase) {
		long start = -1;
		long end = -1;
		for (Segment segment : this.segments) {
			if (segment.measured && segment.phase == phase) {
				start = (start < 0) ? segment.start : start;
				end = segment.end;
			}
		}
		if (start < 0) {
			throw new IllegalArgumentException("no measured segment for phase " + phase);
		}
		return new Segment(phase, start, end, true);
	}

	/** The time of phase {@code phase}'s measured segments during which work was offered. */
	long activeNanos(int phase) {
		long nanos = 0;
		for (Segment segment : this.segments) {
			if (segment.measured && segment.active && segment.phase == phase) {
				nanos += segment.length();
			}
		}
		return nanos;
	}

	/**
	 * One stretch of a cell running one phase; an inactive one (a gap of on/off load) offers no work.
	 */
	record Segment(int phase, long start, long end, boolean measured, boolean active) {

		Segment(int phase, long start, long end, boolean measured) {
			this(phase, start, end, measured, true);
		}

		long length() {
			return this.end - this.start;
		}

	}

}
