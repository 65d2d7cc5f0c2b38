package io.betapool.spring.boot.advice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.betapool.control.KneeModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PoolAdvisor}: the advice from synthetic measurements, and from pools that really block
 * or really compute.
 */
class PoolAdvisorTests {

	private static final Duration SECOND = Duration.ofSeconds(1);

	private static final long MS = 1_000_000;

	private final List<ThreadPoolExecutor> pools = new ArrayList<>();

	private final List<PoolAdvisor> advisors = new ArrayList<>();

	@AfterEach
	void stop() throws InterruptedException {
		this.advisors.forEach(PoolAdvisor::stop);
		for (ThreadPoolExecutor pool : this.pools) {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void advisesTheWorkInHandWhileTasksWaitBelowTheKnee() {
		// 4 threads busy all second, 90 % of it waiting: β = 0.9, knee on 2 cores far above 4 + 6
		PoolAdvice advice = new PoolAdvisor(SECOND, 2).advice(4, 6, 4000 * MS, 400 * MS, 0);
		assertThat(advice.beta()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(advice.busyThreads()).isEqualTo(4.0);
		assertThat(advice.threads()).isEqualTo(10);
		assertThat(advice.advice()).startsWith("would run 10 threads, because 6 tasks wait while 4.0 threads are busy");
	}

	@Test
	void advisesTheKneeForCpuBoundWorkHoweverManyTasksWait() {
		// 8 threads busy, each on a core only a quarter of the time and waiting for one the rest
		PoolAdvice advice = new PoolAdvisor(SECOND, 2).advice(8, 50, 8000 * MS, 2000 * MS, 6000 * MS);
		assertThat(advice.beta()).isZero();
		assertThat(advice.threads()).isEqualTo(KneeModel.kneeSize(2, 0.0, 4096)).isEqualTo(2);
		assertThat(advice.advice()).contains("more threads would only compete for the cores");
	}

	@Test
	void keepsSquareRootSpareThreadsWhenNoTaskWaits() {
		// 4 busy threads on average, β = 0.9: 4 + 2.5·√4 = 9 threads
		PoolAdvice advice = new PoolAdvisor(SECOND, 2).advice(20, 0, 4000 * MS, 400 * MS, 0);
		assertThat(advice.threads()).isEqualTo(9);
		assertThat(advice.advice()).contains("square-root staffing");
	}

	@Test
	void advisesOneThreadForAnIdlePoolAndKnowsNoBeta() {
		PoolAdvice advice = new PoolAdvisor(SECOND, 2).advice(8, 0, 0, 0, 0);
		assertThat(advice.threads()).isEqualTo(1);
		assertThat(advice.beta()).isNull();
		assertThat(advice.advice()).isEqualTo("would run 1 thread, because no task ran in the last 1 s");
	}

	@Test
	void measuresWorkersThatWaitAsBlockingAndChangesNothingInThePool() {
		ThreadPoolExecutor pool = pool(4);
		PoolAdvisor advisor = advisor(pool);
		for (int i = 0; i < 2000; i++) {
			pool.execute(() -> sleep(5));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> advisor.advice("pool") != null
				&& advisor.advice("pool").beta() != null && advisor.advice("pool").busyThreads() > 2);
		PoolAdvice advice = advisor.advice("pool");
		assertThat(advice.beta()).isGreaterThan(0.8);
		assertThat(advice.threads()).isGreaterThan(4);
		assertThat(advice.advice()).startsWith("would run " + advice.threads() + " threads, because");
		assertThat(pool.getCorePoolSize()).isEqualTo(4);
		assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
		assertThat(advisor.costPercentOfOneCore()).isBetween(0.0, 100.0);
	}

	@Test
	void measuresWorkersThatComputeAsCpuBound() {
		int cores = Runtime.getRuntime().availableProcessors();
		ThreadPoolExecutor pool = pool(cores);
		PoolAdvisor advisor = advisor(pool);
		for (int i = 0; i < 200_000; i++) {
			pool.execute(PoolAdvisorTests::compute);
		}
		// the first interval also holds the workers' start; a later one measures the work alone
		await().atMost(Duration.ofSeconds(30)).until(() -> advisor.advice("pool") != null
				&& advisor.advice("pool").beta() != null && advisor.advice("pool").beta() < 0.3);
		PoolAdvice advice = advisor.advice("pool");
		assertThat(advice.busyThreads()).isGreaterThan(0.5);
		assertThat(advice.threads()).isLessThanOrEqualTo(KneeModel.kneeSize(cores, 0.3, 4096));
	}

	private ThreadPoolExecutor pool(int threads) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>());
		this.pools.add(pool);
		return pool;
	}

	private PoolAdvisor advisor(ThreadPoolExecutor pool) {
		PoolAdvisor advisor = new PoolAdvisor(Duration.ofMillis(200));
		advisor.observe("pool", () -> pool);
		advisor.start();
		this.advisors.add(advisor);
		return advisor;
	}

	private static void sleep(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static volatile long sink;

	private static void compute() {
		long x = 17;
		for (int i = 0; i < 200_000; i++) {
			x = x * 6364136223846793005L + 1442695040888963407L;
		}
		sink = x;
	}

}
