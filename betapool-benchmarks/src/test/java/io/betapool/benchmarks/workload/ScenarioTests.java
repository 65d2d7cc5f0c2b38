package io.betapool.benchmarks.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.betapool.benchmarks.contender.Contender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Scenario}: the draw's ranges, its determinism and the independence of seed sets.
 */
class ScenarioTests {

	private static final int MANY = 600;

	@Test
	void everyDrawnValueLiesInItsRange() {
		for (Scenario scenario : Scenario.draw(7, MANY)) {
			assertThat(scenario.phases()).hasSizeBetween(1, Scenario.MAX_PHASES);
			assertThat(scenario.outstanding()).isBetween(Scenario.MIN_OUTSTANDING, Scenario.MAX_OUTSTANDING);
			for (Scenario.Work work : scenario.phases()) {
				assertThat(work.cpuMs()).isBetween(Scenario.MIN_CPU_MS, Scenario.MAX_CPU_MS);
				assertThat(work.blockMs()).isBetween(0.0, Scenario.MAX_BLOCK_MS);
				assertThat(work.lockShare()).isBetween(0.0, Scenario.MAX_LOCK_SHARE);
				assertThat(work.load()).isBetween(Scenario.MIN_LOAD, Scenario.MAX_LOAD);
			}
			Bursts bursts = scenario.bursts();
			assertThat(bursts != null).isEqualTo(scenario.arrival() == Arrival.ON_OFF);
			if (bursts != null) {
				assertThat(bursts.on()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(2));
				assertThat(bursts.count()).isEqualTo(Math.max(2, scenario.phases().size()));
				assertThat(bursts.gaps()).allSatisfy((gap) -> assertThat(gap).isBetween(Duration.ofSeconds(1),
						Duration.ofSeconds(10)));
			}
		}
	}

	@Test
	void everyArrivalShapeAndPhaseCountIsDrawnInRoughlyEqualShares() {
		List<Scenario> scenarios = Scenario.draw(7, MANY);
		for (Arrival arrival : Arrival.values()) {
			assertThat(scenarios.stream().filter((s) -> s.arrival() == arrival).count()).isBetween(150L, 250L);
		}
		for (int phases = 1; phases <= Scenario.MAX_PHASES; phases++) {
			int count = phases;
			assertThat(scenarios.stream().filter((s) -> s.phases().size() == count).count()).isBetween(150L, 250L);
		}
		List<Scenario.Work> work = scenarios.stream().flatMap((s) -> s.phases().stream()).toList();
		for (ServiceShape shape : ServiceShape.values()) {
			assertThat(work.stream().filter((w) -> w.shape() == shape).count()).isBetween(work.size() / 4 - 80L,
					work.size() / 4 + 80L);
		}
	}

	@Test
	void theCpuTimeIsLogUniform() {
		// log-uniform: each decade of the range holds the same share; the median is the geometric mean
		List<Double> cpu = Scenario.draw(11, MANY)
			.stream()
			.flatMap((s) -> s.phases().stream())
			.map(Scenario.Work::cpuMs)
			.sorted()
			.toList();
		double median = cpu.get(cpu.size() / 2);
		assertThat(median).isCloseTo(Math.sqrt(Scenario.MIN_CPU_MS * Scenario.MAX_CPU_MS), within(0.4));
		long belowHalfMs = cpu.stream().filter((c) -> c < 0.5).count();
		assertThat((double) belowHalfMs / cpu.size()).isCloseTo(Math.log(10) / Math.log(400), within(0.06));
	}

	@Test
	void theSameSeedDrawsTheSameScenarios() {
		assertThat(Scenario.draw(1001, 30)).isEqualTo(Scenario.draw(1001, 30));
	}

	@Test
	void aShorterSetIsAPrefixOfALongerOne() {
		assertThat(Scenario.draw(1, 30).subList(0, 12)).isEqualTo(Scenario.draw(1, 12));
	}

	@Test
	void theTrainingAndTestSetsShareNoScenario() {
		Set<List<Scenario.Work>> training = new HashSet<>();
		for (Scenario scenario : Scenario.draw(1, 200)) {
			training.add(scenario.phases());
		}
		List<Double> trainingCpu = new ArrayList<>();
		Scenario.draw(1, 200).forEach((s) -> s.phases().forEach((w) -> trainingCpu.add(w.cpuMs())));
		for (Scenario scenario : Scenario.draw(1001, 200)) {
			assertThat(training).doesNotContain(scenario.phases());
			for (Scenario.Work work : scenario.phases()) {
				assertThat(trainingCpu).doesNotContain(work.cpuMs());
			}
		}
	}

	@Test
	void neighbouringSeedsDrawDifferentScenarios() {
		assertThat(Scenario.draw(2, 5)).doesNotContainAnyElementsOf(Scenario.draw(1, 5));
		assertThat(Scenario.draw(2, 1).get(0).phases().get(0).cpuMs())
			.isNotEqualTo(Scenario.draw(1, 1).get(0).phases().get(0).cpuMs());
	}

	@Test
	void idsNameTheSeedAndTheScenarioFromOne() {
		assertThat(Scenario.draw(1001, 12).stream().map(Scenario::id)).startsWith("s1001-01", "s1001-02")
			.endsWith("s1001-12");
	}

	@Test
	void poissonRatesAreTheDrawnShareOfCapacityWith256Threads() {
		Scenario scenario = new Scenario(5, 0, Arrival.POISSON, 100, null,
				List.of(new Scenario.Work(2, 8, 0, ServiceShape.FIXED, 0.5), new Scenario.Work(0.1, 100, 0,
						ServiceShape.FIXED, 0.8)));
		// 2 cores / 2 ms = 1000/s; then 256 threads / 100.1 ms = 2557/s, below 2 cores / 0.1 ms
		double[] rates = scenario.rates(2);
		assertThat(rates).hasSize(2);
		assertThat(rates[0]).isCloseTo(500, within(1e-9));
		assertThat(rates[1]).isCloseTo(0.8 * 256 * 1000 / 100.1, within(1e-9));
		assertThat(scenario.concurrencyCap()).isEqualTo(Contender.BETAPOOL_MAX);
	}

	@Test
	void theSpecHasThePhasesTheLockAndTheScaledBursts() {
		Scenario scenario = new Scenario(5, 2, Arrival.ON_OFF, 120,
				new Bursts(Duration.ofSeconds(1), List.of(Duration.ofSeconds(4))),
				List.of(new Scenario.Work(2, 8, 0.25, ServiceShape.BIMODAL, 0.5)));
		WorkloadSpec spec = scenario.toSpec(new Calibration(1000), 5);
		assertThat(spec.id()).isEqualTo("s5-03");
		assertThat(spec.outstanding()).isEqualTo(120);
		assertThat(spec.bursts()).isEqualTo(new Bursts(Duration.ofMillis(500), List.of(Duration.ofSeconds(2))));
		assertThat(spec.nominal().serialMs()).isEqualTo(0.5);
		assertThat(spec.nominal().description()).isEqualTo("8.0 ms wait, then 2.0 ms CPU (25 % under the lock), bimodal 90/10");
		assertThat(scenario.arrivalDescription(5)).isEqualTo("closed loop of 120 in 2 bursts of 0.50 s, gaps 2.00 s");
		assertThat(scenario.concurrencyCap()).isEqualTo(120);
	}

	@Test
	void aTaskRunsItsWork() throws Exception {
		Scenario scenario = new Scenario(5, 0, Arrival.CLOSED, 20, null,
				List.of(new Scenario.Work(0.05, 0.1, 0.3, ServiceShape.LOGNORMAL, 0.5)));
		assertThat(scenario.toSpec(new Calibration(1000), 10).nominal().task().call()).isInstanceOf(Long.class);
	}

	@Test
	void badInputIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Scenario.draw(1, -1)).withMessageContaining("count");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Scenario(1, 0, Arrival.ON_OFF, 20, null,
					List.of(new Scenario.Work(1, 1, 0, ServiceShape.FIXED, 0.5))))
			.withMessageContaining("bursts");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Scenario.Work(1, 1, 1.5, ServiceShape.FIXED, 0.5))
			.withMessageContaining("serialMs");
	}

}
