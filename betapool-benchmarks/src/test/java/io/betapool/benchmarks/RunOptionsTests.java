package io.betapool.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

import io.betapool.benchmarks.harness.Durations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RunOptions}.
 */
class RunOptionsTests {

	@Test
	void theFullRunIsTheDefault() {
		RunOptions options = RunOptions.parse();
		assertThat(options.out()).isEqualTo(Path.of("docs"));
		assertThat(options.quick()).isFalse();
		assertThat(options.sizes()).containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 256);
		assertThat(options.loads()).containsExactly(0.5, 0.7, 0.9);
		assertThat(options.refine()).isTrue();
		assertThat(options.rounds()).isEqualTo(3);
		assertThat(options.durations()).isEqualTo(Durations.full());
	}

	@Test
	void quickRunsWriteUnderTargetWithShortCells() {
		RunOptions options = RunOptions.parse("--quick");
		assertThat(options.out()).isEqualTo(Path.of("target/benchmarks-quick"));
		assertThat(options.durations()).isEqualTo(Durations.quick());
		assertThat(options.loads()).containsExactly(0.7);
		assertThat(options.refine()).isFalse();
		assertThat(options.rounds()).isEqualTo(1);
	}

	@Test
	void optionsOverrideTheDefaults() {
		RunOptions options = RunOptions.parse("--out", "x", "--workloads", "cpu-heavy,io-heavy", "--sizes", "2,4",
				"--loads", "", "--measure", "1.5s", "--pause", "5ms", "--seed", "7", "--no-refine", "--rounds", "5");
		assertThat(options.out()).isEqualTo(Path.of("x"));
		assertThat(options.workloads()).containsExactly("cpu-heavy", "io-heavy");
		assertThat(options.sizes()).containsExactly(2, 4);
		assertThat(options.loads()).isEmpty();
		assertThat(options.durations().measure()).isEqualTo(Duration.ofMillis(1500));
		assertThat(options.durations().pause()).isEqualTo(Duration.ofMillis(5));
		assertThat(options.seed()).isEqualTo(7);
		assertThat(options.refine()).isFalse();
		assertThat(options.rounds()).isEqualTo(5);
	}

	@Test
	void scenariosAloneRunNoFixedWorkload() {
		RunOptions options = RunOptions.parse("--scenarios", "12", "--seed", "1");
		assertThat(options.scenarios()).isEqualTo(12);
		assertThat(options.seed()).isEqualTo(1);
		assertThat(options.fixedWorkloads()).isFalse();
		assertThat(options.scenarioTime()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.reuseBaselines()).isNull();
	}

	@Test
	void scenariosWithAllWorkloadsRunBoth() {
		RunOptions options = RunOptions.parse("--workloads", "all", "--scenarios", "30", "--seed", "1001",
				"--scenario-time", "8s");
		assertThat(options.fixedWorkloads()).isTrue();
		assertThat(options.workloads()).isEmpty();
		assertThat(options.scenarioTime()).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void theFullRunHasNoScenariosAndTheQuickRunOneOfTheTrainingSet() {
		assertThat(RunOptions.parse().scenarios()).isZero();
		assertThat(RunOptions.parse().fixedWorkloads()).isTrue();
		RunOptions quick = RunOptions.parse("--quick");
		assertThat(quick.fixedWorkloads()).isTrue();
		assertThat(quick.scenarios()).isEqualTo(1);
		assertThat(quick.seed()).isEqualTo(1);
		assertThat(quick.scenarioTime()).isEqualTo(Duration.ofSeconds(1));
		assertThat(RunOptions.parse("--quick", "--scenarios", "0").scenarios()).isZero();
	}

	@Test
	void baselinesNeedScenarios() {
		assertThat(RunOptions.parse("--scenarios", "12", "--seed", "1", "--reuse-baselines", "a.json").reuseBaselines())
			.isEqualTo(Path.of("a.json"));
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--reuse-baselines", "a.json"))
			.withMessage("--reuse-baselines needs --scenarios: it reuses a scenario set's cells");
	}

	@Test
	void theBetapoolKeepAliveIsTheLibrarysUnlessGiven() {
		assertThat(RunOptions.parse().keepAlive()).isNull();
		assertThat(RunOptions.parse("--scenarios", "12", "--seed", "1", "--keep-alive", "3s").keepAlive())
			.isEqualTo(Duration.ofSeconds(3));
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--keep-alive", "-1s"))
			.withMessage("--keep-alive must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--keep-alive"))
			.withMessage("--keep-alive needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--keep-alive", "soon"))
			.withMessageContaining("not a duration: 'soon'");
	}

	@Test
	void badScenarioOptionsAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--scenarios", "-1"))
			.withMessage("--scenarios must be >= 0, but got -1");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--scenarios", "ten"))
			.withMessage("--scenarios takes numbers, but got 'ten'");
		assertThat(RunOptions.parse("--scenarios", "0").fixedWorkloads()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--scenarios", "2", "--scenario-time", "0s"))
			.withMessage("--scenario-time must be positive, but was PT0S");
	}

	@Test
	void durationsAcceptSecondsAndMilliseconds() {
		assertThat(RunOptions.duration("5s")).isEqualTo(Duration.ofSeconds(5));
		assertThat(RunOptions.duration("250ms")).isEqualTo(Duration.ofMillis(250));
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.duration("5 minutes"));
	}

	@Test
	void badArgumentsAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--bogus")).withMessageContaining("--bogus");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--out"))
			.withMessageContaining("--out needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--loads", "1.5"))
			.withMessageContaining("(0, 1]");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--sizes", "0"))
			.withMessageContaining(">= 1");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--rounds", "0"))
			.withMessageContaining("--rounds");
	}

	@Test
	void unknownWorkloadsAreNamedWithTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--workloads", "io-heavy,disk"))
			.withMessage("--workloads: unknown disk; known: io-heavy, cpu-heavy, mixed, rag, contended, variable, "
					+ "phase-shift, bursts");
	}

	@Test
	void aWorkloadNamedTwiceRunsOnce() {
		assertThat(RunOptions.parse("--workloads", "rag,rag").workloads()).containsExactly("rag");
	}

	@Test
	void helpIsAskedForWithEitherSpelling() {
		assertThat(RunOptions.wantsHelp("--quick", "--help")).isTrue();
		assertThat(RunOptions.wantsHelp("-h")).isTrue();
		assertThat(RunOptions.wantsHelp("--quick")).isFalse();
		assertThat(RunOptions.USAGE).contains("--static-warmup", "--rounds", "phase-shift", "--scenarios N",
				"--reuse-baselines FILE", "seed 1 is the training set", "seed 1001 is the test set",
				"--scenarios 30 --seed 1001");
	}

	@Test
	void numbersThatAreNotNumbersAreNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--seed", "forty-two"))
			.withMessage("--seed takes numbers, but got 'forty-two'");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--sizes", "2,four"))
			.withMessage("--sizes takes numbers, but got 'four'");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--loads", "half"))
			.withMessage("--loads takes numbers, but got 'half'");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.parse("--rounds", "3x"))
			.withMessage("--rounds takes numbers, but got '3x'");
	}

}
