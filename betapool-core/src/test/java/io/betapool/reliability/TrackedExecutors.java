package io.betapool.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import io.betapool.PoolKind;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/** The executors a test created, so that none outlives it: each is shut down and must terminate. */
final class TrackedExecutors {

	private final List<ExecutorService> executors = new ArrayList<>();

	ExecutorService create(PoolKind kind) {
		ExecutorService executor = kind.create();
		this.executors.add(executor);
		return executor;
	}

	void shutDownAll() throws InterruptedException {
		for (ExecutorService executor : this.executors) {
			executor.shutdownNow();
			assertThat(executor.awaitTermination(LONG_DELAY_MS, MILLISECONDS)).isTrue();
		}
	}

}
