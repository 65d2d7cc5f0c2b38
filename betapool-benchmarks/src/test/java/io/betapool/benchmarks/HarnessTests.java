package io.betapool.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.betapool.benchmarks.contender.ContenderKind;
import io.betapool.benchmarks.report.ScenarioFiles;
import io.betapool.benchmarks.result.ScenarioSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Runs the harness end to end on one workload, and on one scenario, with cells of a few tens of
 * milliseconds, and checks that it writes its report and a row for every contender. It asserts no timing.
 */
class HarnessTests {

	@Test
	void aTinyRunWritesTheReportAndEveryFigure(@TempDir Path out) throws IOException, InterruptedException {
		RunOptions options = RunOptions.parse("--out", out.toString(), "--workloads", "cpu-heavy", "--sizes", "1,2",
				"--loads", "0.5", "--no-refine", "--warmup", "50ms", "--static-warmup", "20ms", "--measure", "100ms",
				"--drain", "20ms", "--pause", "1ms", "--rounds", "2");
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		Path report = new Harness(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run("--test");
		assertThat(report).isEqualTo(out.resolve("benchmarks.md"));
		assertThat(Files.readString(report)).contains("## CPU-heavy (`cpu-heavy`)")
			.contains("### Closed loop")
			.contains("Rounds, in the order they ran");
		List<String> rows = Files.readAllLines(out.resolve("benchmarks/results.csv"));
		assertThat(rows.stream().skip(1).map((row) -> row.split(",")[4]).distinct())
			.contains("static-1", "static-2", "static-256", "spring-default", "betapool-seed", "betapool-adaptive");
		// the second round repeats betapool and the best static pool; which size is best in cells this
		// short (2 or the naive 256, equal on CPU-bound work) is up to the machine
		List<String> secondRound = rows.stream().skip(1).map((row) -> row.split(","))
			.filter((fields) -> fields[7].equals("2"))
			.map((fields) -> fields[1] + "/" + fields[4])
			.distinct()
			.toList();
		String best = secondRound.stream().filter((cell) -> cell.startsWith("closed/static-"))
			.map((cell) -> cell.substring("closed/".length(), cell.length() - "-repeat".length()))
			.findFirst()
			.orElseThrow();
		assertThat(best).isIn("static-1", "static-2", "static-256");
		assertThat(secondRound).containsExactlyInAnyOrder("closed/" + best + "-repeat", "closed/betapool-adaptive",
				"open-50/" + best, "open-50/betapool-adaptive");
		assertThat(out.resolve("benchmarks/cpu-heavy-sweep.svg")).exists();
		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("cpu-heavy");
	}

	@Test
	void aTinyScenarioRunReportsTheSetAndATuningRerunReusesItsBaselines(@TempDir Path out)
			throws IOException, InterruptedException {
		RunOptions options = RunOptions.parse("--out", out.resolve("first").toString(), "--scenarios", "1", "--seed",
				"1", "--scenario-time", "200ms", "--drain", "20ms", "--pause", "1ms");
		new Harness(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run("--test");
		Path json = out.resolve("first/benchmarks/scenarios-seed-1.json");
		ScenarioSet first = ScenarioFiles.read(json);
		assertThat(first.scenarios()).singleElement().satisfies((result) -> {
			assertThat(result.id()).isEqualTo("s1-01");
			assertThat(result.cells()).extracting((cell) -> cell.contender().kind())
				.contains(ContenderKind.STATIC, ContenderKind.SPRING_DEFAULT, ContenderKind.BETAPOOL_SEED,
						ContenderKind.BETAPOOL_ADAPTIVE);
		});
		assertThat(Files.readString(out.resolve("first/benchmarks.md"))).contains("### Training set: seed 1, 1 scenario")
			.contains("| s1-01 |")
			.doesNotContain("## CPU-heavy");

		RunOptions rerun = RunOptions.parse("--out", out.resolve("rerun").toString(), "--scenarios", "1", "--seed", "1",
				"--reuse-baselines", json.toString(), "--drain", "20ms", "--pause", "1ms");
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		new Harness(rerun, new PrintStream(progress, true, StandardCharsets.UTF_8)).run("--test");
		assertThat(progress.toString(StandardCharsets.UTF_8).lines().filter((line) -> line.startsWith("[")))
			.singleElement()
			.asString()
			.contains("betapool ADAPTIVE");
		ScenarioSet second = ScenarioFiles.read(out.resolve("rerun/benchmarks/scenarios-seed-1.json"));
		assertThat(second.baselines()).isEqualTo(json.toString());
		assertThat(second.seconds()).isEqualTo(first.seconds());
		assertThat(second.iterationsPerCpuMs()).isEqualTo(first.iterationsPerCpuMs());
		assertThat(second.scenarios().get(0).cells()).hasSameSizeAs(first.scenarios().get(0).cells());
		assertThat(Files.readString(out.resolve("rerun/benchmarks.md"))).contains("Tuning rerun");
	}

	@Test
	void baselinesOfAnotherSeedAreRefused() {
		ScenarioSet set = Fixtures.scenarioSet(1, 150, new double[] { 1.0, 1.0 });
		RunOptions options = RunOptions.parse("--scenarios", "1", "--seed", "1001", "--reuse-baselines", "t.json");
		assertThatIllegalArgumentException().isThrownBy(() -> Harness.baselines(options, set))
			.withMessage("--reuse-baselines: t.json holds seed set 1, but this run draws seed 1001; give --seed 1");
		RunOptions more = RunOptions.parse("--scenarios", "12", "--seed", "1", "--reuse-baselines", "t.json");
		assertThatIllegalArgumentException().isThrownBy(() -> Harness.baselines(more, set))
			.withMessage("--reuse-baselines: t.json holds 1 scenarios, but this run asks for 12");
		RunOptions over = RunOptions.parse("--out", "docs", "--scenarios", "1", "--seed", "1", "--reuse-baselines",
				"docs/benchmarks/scenarios-seed-1.json");
		assertThatIllegalArgumentException().isThrownBy(() -> Harness.baselines(over, set))
			.withMessage("--reuse-baselines: this run would overwrite docs/benchmarks/scenarios-seed-1.json with its "
					+ "own results; give another --out");
	}

}
