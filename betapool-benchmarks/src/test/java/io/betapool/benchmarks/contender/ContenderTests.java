package io.betapool.benchmarks.contender;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.ControllerConfig;
import io.betapool.Policy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContenderTests {

	@Test
	void aBetapoolContenderTakesTheKeepAliveItIsGivenAndTheLibrarysOtherwise() throws Exception {
		assertThat(keepAliveOf(Contender.betapool(Policy.ADAPTIVE).start(Duration.ofSeconds(3))))
			.isEqualTo(Duration.ofSeconds(3));
		assertThat(keepAliveOf(Contender.betapool(Policy.SEED).start(Duration.ofMillis(500))))
			.isEqualTo(Duration.ofMillis(500));
		assertThat(keepAliveOf(Contender.betapool(Policy.ADAPTIVE).start()))
			.isEqualTo(ControllerConfig.defaults().keepAlive());
	}

	@Test
	void otherContendersIgnoreTheKeepAlive() throws Exception {
		RunningContender running = Contender.fixed(2).start(Duration.ofSeconds(3));
		try {
			assertThat(running.betapool()).isNull();
			assertThat(running.threadCount().getAsInt()).isLessThanOrEqualTo(2);
		}
		finally {
			stop(running.executor());
		}
	}

	private static Duration keepAliveOf(RunningContender running) throws InterruptedException {
		AdaptiveThreadPoolExecutor pool = running.betapool();
		assertThat(pool).isNotNull();
		try {
			return pool.getConfig().keepAlive();
		}
		finally {
			stop(running.executor());
		}
	}

	private static void stop(ExecutorService executor) throws InterruptedException {
		executor.shutdown();
		assertThat(executor.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
	}

}
