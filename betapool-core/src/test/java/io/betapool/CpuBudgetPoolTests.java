package io.betapool;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.betapool.control.CpuBudget;
import io.betapool.measure.Ticker;
import org.junit.jupiter.api.Test;

import static io.betapool.ConcurrencyTestSupport.LONG_DELAY_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** Pools join their CPU budget when built, claim their share each tick, and leave it when they terminate. */
class CpuBudgetPoolTests {

	@Test
	void aPoolClaimsItsShareEachTickAndLeavesTheBudgetWhenItTerminates() throws Exception {
		CpuBudget budget = new CpuBudget(2, Ticker.system());
		AdaptiveThreadPoolExecutor first = pool(budget, "budget-first-");
		AdaptiveThreadPoolExecutor second = pool(budget, "budget-second-");
		try {
			awaitPools(budget, 2);
		}
		finally {
			first.shutdown();
			assertThat(first.awaitTermination(LONG_DELAY_MS, TimeUnit.MILLISECONDS)).isTrue();
		}
		assertThat(budget.pools()).isEqualTo(1);
		second.shutdown();
		assertThat(second.awaitTermination(LONG_DELAY_MS, TimeUnit.MILLISECONDS)).isTrue();
		assertThat(budget.pools()).isZero();
	}

	@Test
	void poolsShareTheJvmsBudgetUnlessGivenAnother() {
		assertThat(CpuBudget.shared()).isSameAs(CpuBudget.shared());
		assertThat(CpuBudget.shared().cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(CpuBudget.shared().isDivided()).isTrue();
		assertThat(CpuBudget.none().isDivided()).isFalse();
		assertThatNullPointerException().isThrownBy(() -> AdaptiveThreadPoolExecutor.builder().cpuBudget(null))
			.withMessage("cpuBudget");
	}

	private static AdaptiveThreadPoolExecutor pool(CpuBudget budget, String prefix) {
		return AdaptiveThreadPoolExecutor.builder()
			.minWorkers(1)
			.maxWorkers(4)
			.threadNamePrefix(prefix)
			.cpuBudget(budget)
			.config(ControllerConfig.builder().monitorInterval(Duration.ofMillis(20)).build())
			.build();
	}

	/** Waits, within a generous bound, until {@code count} pools hold a live claim: each claims at its first tick. */
	private static void awaitPools(CpuBudget budget, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LONG_DELAY_MS);
		while (budget.pools() < count) {
			assertThat(System.nanoTime() - deadline).as("pools claiming").isNegative();
			Thread.sleep(5);
		}
	}

}
