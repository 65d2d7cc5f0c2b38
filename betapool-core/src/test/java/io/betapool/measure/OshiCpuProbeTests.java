package io.betapool.measure;

import java.util.concurrent.CompletableFuture;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OshiCpuProbeTests {

	/** A figure no real probe gives, to tell the fallback's answers from OSHI's. */
	private static final double FALLBACK = -1.0;

	@Test
	void whileOshisProcessorIsBeingMadeTheProbeAnswersAtOnceWithTheFallback() {
		CompletableFuture<CentralProcessor> making = new CompletableFuture<>();
		OshiCpuProbe probe = new OshiCpuProbe(making, () -> FALLBACK);
		assertThat(probe.cpuPercent()).isEqualTo(FALLBACK);
		assertThat(probe.cpuPercent()).isEqualTo(FALLBACK);
		assertThat(making).isNotDone();
	}

	@Test
	void aProcessorThatCouldNotBeMadeLeavesTheFallbackAnswering() {
		CompletableFuture<CentralProcessor> failed = CompletableFuture.failedFuture(new UnsatisfiedLinkError("no native"));
		OshiCpuProbe probe = new OshiCpuProbe(failed, () -> FALLBACK);
		assertThat(probe.cpuPercent()).isEqualTo(FALLBACK);
		assertThat(probe.cpuPercent()).isEqualTo(FALLBACK);
	}

	@Test
	void onceTheProcessorIsReadyOshiAnswersFromItsSecondReading() {
		CompletableFuture<CentralProcessor> making = new CompletableFuture<>();
		OshiCpuProbe probe = new OshiCpuProbe(making, () -> FALLBACK);
		assertThat(probe.cpuPercent()).isEqualTo(FALLBACK);
		making.complete(new SystemInfo().getHardware().getProcessor());
		// the first reading after that only starts OSHI's interval
		assertThat(probe.cpuPercent()).isEqualTo(FALLBACK);
		assertThat(probe.cpuPercent()).isBetween(0.0, 100.0);
	}

	@Test
	void everyPoolSharesTheOneProcessorOfTheJvm() {
		assertThat(OshiCpuProbe.sharedProcessor()).isSameAs(OshiCpuProbe.sharedProcessor());
		assertThat(OshiCpuProbe.sharedProcessor().join()).isNotNull();
	}

}
