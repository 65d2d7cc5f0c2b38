package io.betapool.benchmarks.workload;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Workloads}, {@link WorkloadSpec}, {@link Phase} and {@link Calibration}.
 */
class WorkloadsTests {

	private final Calibration calibration = new Calibration(1000);

	@Test
	void everyWorkloadOfTheReportIsThereOnceWithTheShiftingStreamAndTheBurstsLast() {
		List<WorkloadSpec> all = Workloads.standard(this.calibration);
		assertThat(all).extracting(WorkloadSpec::id)
			.containsExactly("io-heavy", "cpu-heavy", "mixed", "rag", "contended", "variable", "phase-shift", "bursts");
		assertThat(all).allMatch((spec) -> spec.outstanding() == Workloads.OUTSTANDING);
		assertThat(all.get(all.size() - 2).isPhaseShift()).isTrue();
		assertThat(all.get(all.size() - 1).isBursty()).isTrue();
		assertThat(all.subList(0, all.size() - 2)).noneMatch(WorkloadSpec::isPhaseShift)
			.noneMatch(WorkloadSpec::isBursty);
	}

	@Test
	void theBurstsComeThreeTimesWithIdleGapsOfThreeSeconds() {
		WorkloadSpec bursts = Workloads.bursts(this.calibration, 1);
		assertThat(bursts.bursts()).isEqualTo(new Bursts(Duration.ofMillis(1500),
				List.of(Duration.ofSeconds(3), Duration.ofSeconds(3))));
		assertThat(bursts.bursts().total()).isEqualTo(Duration.ofMillis(10_500));
		assertThat(bursts.bursts().activeShare()).isCloseTo(4.5 / 10.5, within(1e-12));
		assertThat(Workloads.standard(this.calibration, 0.1).get(7).bursts().total()).isEqualTo(Duration.ofMillis(1050));
		assertThat(bursts.nominal().beta()).isCloseTo(20 / 20.5, within(1e-12));
	}

	@Test
	void theShiftingStreamGoesFromIoToCpuToIo() {
		WorkloadSpec shift = Workloads.phaseShift(this.calibration);
		assertThat(shift.phases()).extracting(Phase::beta)
			.containsExactly(0.9, 0.0, 20 / 20.5);
	}

	@Test
	void betaIsTheBlockingShareOfTheTask() {
		assertThat(new Phase("x", "x", 2, 8, 0, () -> null).beta()).isCloseTo(0.8, within(1e-12));
		assertThat(new Phase("x", "x", 0, 0, 0, () -> null).beta()).isZero();
	}

	@Test
	void theGoetzSizeComesFromTheFirstPhaseAndIsCapped() {
		assertThat(Workloads.ioHeavy(this.calibration).goetzSize(2, 256)).isEqualTo(82);
		assertThat(Workloads.cpuHeavy(this.calibration).goetzSize(2, 256)).isEqualTo(2);
		assertThat(Workloads.phaseShift(this.calibration).goetzSize(2, 256)).isEqualTo(20);
		assertThat(Workloads.rag(this.calibration).goetzSize(2, 100)).isEqualTo(100);
	}

	@Test
	void calibrationTurnsCpuMillisecondsIntoIterations() {
		assertThat(this.calibration.iterations(2)).isEqualTo(2000);
		assertThat(this.calibration.iterations(0.0004)).isZero();
		assertThat(new Calibration(1e12).iterations(1e6)).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void tasksRunAndReturnTheirResult() throws Exception {
		for (WorkloadSpec spec : Workloads.standard(new Calibration(10))) {
			for (Phase phase : spec.phases()) {
				if (phase.blockMs() < 10) {
					assertThat(phase.task().call()).as(spec.id() + " " + phase.name()).isNotNull();
				}
			}
		}
	}

}
