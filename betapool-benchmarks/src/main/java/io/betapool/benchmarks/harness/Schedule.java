package io.betapool.benchmarks.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.betapool.benchmarks.workload.WorkloadSpec;
import org.jspecify.annotations.Nullable;

/**
 * The timeline of one cell, in nanoseconds from its start: an unmeasured warm-up on the first phase,
 * then each phase measured in turn.
 * <pre>
 *   steady:  [warm-up: phase 0][measure: phase 0]
 *   shifts:  [warm-up: phase 0][phase 0][phase 1]…[phase k]
 * </pre>
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
		if (spec.isPhaseShift()) {
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

	/** The measured segment of phase {@code phase}. */
	Segment measured(int phase) {
		for (Segment segment : this.segments) {
			if (segment.measured && segment.phase == phase) {
				return segment;
			}
		}
		throw new IllegalArgumentException("no measured segment for phase " + phase);
	}

	/**
	 * One stretch of a cell running one phase.
	 */
	record Segment(int phase, long start, long end, boolean measured) {

		long length() {
			return this.end - this.start;
		}

	}

}
