package io.betapool.control;

/**
 * Why the {@link AdaptivePolicy} decided as it did: what its tests assert, rather than the wording of
 * the decision.
 */
enum Reason {

	/** Work waits and β of the running tasks is not read yet. */
	MEASURING,
	/** Work waits and the pool is below its target: it grows. */
	GROW,
	/** Work waits, but other load saturates the cores: growth vetoed. */
	VETO_SATURATED,
	/** Work waits, but the pool's own threads fill the cores: growth vetoed. */
	CORES_FULL,
	/** A saturated CPU on a platform without scheduler statistics: threads retire, as the seed's do. */
	BLIND_SATURATED,
	/** Work waits at the pool's maximum. */
	AT_MAXIMUM,
	/** Work waits, but a trial showed that a larger size did not pay. */
	AT_CEILING,
	/** Work waits and the pool is at its target, with no trial to start. */
	AT_TARGET,
	/** CPU-bound work: threads past the knee retire. */
	CPU_BOUND,
	/** Tasks arrive faster than the pool completes them: it grows without a trial. */
	OUTRUN,
	/** A growth trial moves to its other size. */
	TRIAL_STEP,
	/** A growth trial's larger size paid. */
	TRIAL_PAID,
	/** A growth trial's larger size did not pay. */
	TRIAL_NOT_PAID,
	/** A growth trial starts from the pool's size upward. */
	TRIAL_START,
	/** At a ceiling, a trial starts from the pool's size downward. */
	FEWER_TRIAL_START,
	/** No work waits: spare threads are kept for the keep-alive. */
	KEEP_SPARE,
	/** No work waits: spare threads past the keep-alive retire. */
	RETIRE_SPARE,
	/** No work waits and the pool has the threads it needs. */
	NEEDED

}
