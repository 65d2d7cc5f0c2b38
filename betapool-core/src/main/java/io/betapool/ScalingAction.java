package io.betapool;

/**
 * What one controller tick decided.
 */
public enum ScalingAction {

	/** Threads were added. */
	SCALE_UP,

	/** Threads were retired. */
	SCALE_DOWN,

	/** The size was kept: nothing called for a change, or a rule held it back. */
	HOLD,

	/** Work was waiting, but growth was refused because it would not help (CPU-bound or CPU saturated). */
	VETO

}
