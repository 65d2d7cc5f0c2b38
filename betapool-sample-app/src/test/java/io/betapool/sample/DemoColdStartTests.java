package io.betapool.sample;

import java.time.Duration;
import java.util.List;

import io.betapool.ScalingDecision;
import io.betapool.spring.boot.BetaPoolTaskExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo from a cold start, as a newcomer runs it: its first phase sends RAG requests whose backend
 * calls take half a second, to a pool of two threads. The pool grows, tasks complete, and nothing in
 * that is a possible deadlock.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.demo.start-delay=0s")
class DemoColdStartTests {

	/** Long enough for the cold pool to grow and settle under the demo's first phase (15 s of RAG). */
	private static final Duration WATCHED = Duration.ofSeconds(8);

	@Autowired
	@Qualifier("applicationTaskExecutor")
	private BetaPoolTaskExecutor executor;

	@Test
	void aColdStartOfTheDemoGrowsThePoolAndReportsNoPossibleDeadlock() throws InterruptedException {
		long end = System.nanoTime() + WATCHED.toNanos();
		while (System.nanoTime() - end < 0) {
			assertThat(stalls()).as("stall reports during the demo's cold start").isEmpty();
			Thread.sleep(200);
		}
		assertThat(stalls()).isEmpty();
		assertThat(this.executor.getThreadPoolExecutor().getMetrics().totalTasks()).isPositive();
		assertThat(this.executor.getThreadPoolExecutor().getDecisionHistory())
			.anyMatch((decision) -> decision.threadsAfter() > decision.threadsBefore());
	}

	private List<String> stalls() {
		return this.executor.getThreadPoolExecutor()
			.getDecisionHistory()
			.stream()
			.map(ScalingDecision::reason)
			.filter((reason) -> reason.startsWith("Possible deadlock"))
			.toList();
	}

}
