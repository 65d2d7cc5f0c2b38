package io.betapool.reliability;

import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

/** invokeAll and invokeAny, untimed and timed. */
enum Invocation {

	INVOKE_ALL, TIMED_INVOKE_ALL, INVOKE_ANY, TIMED_INVOKE_ANY;

	Object invoke(ExecutorService executor, Collection<? extends Callable<String>> tasks) throws Exception {
		return switch (this) {
			case INVOKE_ALL -> executor.invokeAll(tasks);
			case TIMED_INVOKE_ALL -> executor.invokeAll(tasks, LONG_DELAY_MS, MILLISECONDS);
			case INVOKE_ANY -> executor.invokeAny(tasks);
			case TIMED_INVOKE_ANY -> executor.invokeAny(tasks, LONG_DELAY_MS, MILLISECONDS);
		};
	}

	/** Whether this is an invokeAll, which returns every future. */
	boolean all() {
		return this == INVOKE_ALL || this == TIMED_INVOKE_ALL;
	}

}
