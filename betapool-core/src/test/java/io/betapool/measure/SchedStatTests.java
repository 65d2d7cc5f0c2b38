package io.betapool.measure;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SchedStatTests {

	private static volatile long sink;

	@Test
	void readsTheCpuTimeOfAThreadThatComputes() {
		assumeTrue(Files.isReadable(Path.of("/proc/thread-self/schedstat")), "Linux scheduler statistics");
		long tid = SchedStat.currentThreadId();
		assertThat(tid).isPositive();
		try (SchedStat stat = SchedStat.open(tid)) {
			assertThat(stat).isNotNull();
			long before = stat.cpuNanos();
			long x = 0;
			for (int i = 0; i < 20_000_000; i++) {
				x += (x * 31) ^ i;
			}
			sink = x;
			assertThat(stat.read()).isTrue();
			assertThat(stat.cpuNanos()).isGreaterThan(before);
			assertThat(stat.runQueueNanos()).isNotNegative();
		}
	}

	@Test
	void anUnknownThreadGivesNoReader() {
		assertThat(SchedStat.open(-1)).isNull();
		assertThat(SchedStat.open(Integer.MAX_VALUE)).isNull();
	}

}
