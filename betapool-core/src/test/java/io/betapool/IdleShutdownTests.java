package io.betapool;

import java.util.concurrent.ExecutorService;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As with a JDK pool, {@code shutdown()} of a pool with nothing to run leaves it terminated at once:
 * its workers and its controller thread have ended by the time {@code isTerminated()} answers.
 */
class IdleShutdownTests {

	@ParameterizedTest
	@EnumSource(PoolKind.class)
	void shutdownOfAnIdlePoolLeavesItTerminatedAtOnce(PoolKind kind) {
		for (int round = 0; round < 50; round++) {
			ExecutorService executor = kind.create();
			executor.shutdown();
			assertThat(executor.isTerminated()).as("round %d", round).isTrue();
		}
	}

}
