package io.betapool.sample.load;

import org.jspecify.annotations.Nullable;

/**
 * What the load driver is doing, as {@code GET /load} reports it.
 *
 * @param state {@code running}, {@code finished} (a plan without repeat ran out), {@code stopped} or
 * {@code none} (no plan was ever started)
 * @param running whether a plan is running
 * @param startedAt when the latest plan started, ISO-8601
 * @param cycle how many times the latest plan has started; above 1 only for plans that repeat
 * @param phase the phase running now, or {@code null} when no plan runs or the plan waits for its start
 * @param plan the latest plan
 * @param submitted tasks the latest plan submitted
 * @param completed of those, tasks that completed
 * @param failed of those, tasks that failed
 * @param rejected tasks the executor refused because its queue was full
 * @param lastFailure the latest failure, when there was one
 */
public record LoadStatus(String state, boolean running, @Nullable String startedAt, int cycle,
		@Nullable CurrentPhase phase, @Nullable LoadPlan plan, long submitted, long completed, long failed,
		long rejected, @Nullable String lastFailure) {

	static LoadStatus none() {
		return new LoadStatus("none", false, null, 0, null, null, 0, 0, 0, 0, null);
	}

	/**
	 * The phase running now.
	 *
	 * @param index its position in the plan, from 0
	 * @param name its name
	 * @param workload what it submits
	 * @param ratePerSecond mean arrivals per second
	 * @param durationSeconds how long it lasts
	 * @param elapsedSeconds how long it has run
	 */
	public record CurrentPhase(int index, String name, Workload workload, double ratePerSecond,
			double durationSeconds, double elapsedSeconds) {

	}

}
