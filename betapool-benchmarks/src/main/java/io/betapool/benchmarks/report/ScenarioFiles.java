package io.betapool.benchmarks.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.betapool.benchmarks.analysis.ScenarioSummary;
import io.betapool.benchmarks.analysis.ScenarioView;
import io.betapool.benchmarks.result.Sample;
import io.betapool.benchmarks.result.ScenarioCell;
import io.betapool.benchmarks.result.ScenarioResult;
import io.betapool.benchmarks.result.ScenarioSet;
import io.betapool.benchmarks.workload.Arrival;
import io.betapool.benchmarks.workload.Scenario;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static io.betapool.benchmarks.report.Csv.number;

/**
 * The files of a scenario set, in the report's {@code benchmarks/} directory:
 * <pre>
 *   scenarios-seed-&lt;S&gt;.json   the set's results, read back by later reports and by --reuse-baselines
 *   scenarios-seed-&lt;S&gt;.csv    one row per scenario and contender: the drawn parameters, the figures and
 *                             the ratios to the scenario's best static pool
 *   scenarios-seed-&lt;S&gt;-timeline.csv   betapool's 100 ms samples in every scenario (threads, β, target size),
 *                             for tuning
 * </pre>
 */
public final class ScenarioFiles {

	static final String PREFIX = "scenarios-seed-";

	static final List<String> TIMELINE_HEADER = List.of("seed", "scenario", "contender", "seconds", "threads",
			"completed", "throughput_per_s", "beta", "target");

	static final List<String> HEADER = List.of("seed", "scenario", "arrival", "phases", "work", "outstanding",
			"model_knee", "contender", "kind", "size", "throughput_per_s", "p50_ms", "p99_ms", "max_ms", "mean_threads",
			"peak_threads", "completed", "unfinished", "cpu_percent", "physical_limit_per_s", "best_static",
			"knee", "throughput_ratio", "p99_ratio", "threads_ratio");

	private static final ObjectMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private ScenarioFiles() {
	}

	/** The JSON file of the set {@code seed} in the directory {@code charts}. */
	public static Path json(Path charts, long seed) {
		return charts.resolve(PREFIX + seed + ".json");
	}

	/** The CSV file of the set {@code seed} in the directory {@code charts}. */
	public static Path csv(Path charts, long seed) {
		return charts.resolve(csvName(seed));
	}

	/** The name of the CSV file of the set {@code seed}. */
	static String csvName(long seed) {
		return PREFIX + seed + ".csv";
	}

	/** Writes both files of {@code set} into {@code charts}. */
	static void write(Path charts, ScenarioSet set) throws IOException {
		Files.createDirectories(charts);
		Files.writeString(json(charts, set.seed()), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(set));
		Files.writeString(csv(charts, set.seed()), csv(ScenarioSummary.of(set)).toString());
		Files.writeString(charts.resolve(PREFIX + set.seed() + "-timeline.csv"), timeline(set).toString());
	}

	static Csv timeline(ScenarioSet set) {
		Csv csv = new Csv(TIMELINE_HEADER);
		for (ScenarioResult result : set.scenarios()) {
			for (ScenarioCell cell : result.cells()) {
				double[] rates = Charts.smoothedThroughput(cell.timeline());
				for (int i = 0; i < cell.timeline().size(); i++) {
					Sample s = cell.timeline().get(i);
					csv.row(List.of(Long.toString(set.seed()), result.id(), cell.contender().id(), number(s.seconds()),
							Integer.toString(s.threads()), Long.toString(s.completed()), number(rates[i]), number(s.beta()),
							(s.target() >= 0) ? Integer.toString(s.target()) : ""));
				}
			}
		}
		return csv;
	}

	/**
	 * The set in {@code file}.
	 * @throws IllegalArgumentException naming the file when it cannot be read as a scenario set
	 */
	public static ScenarioSet read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("the scenario results " + file + " do not exist; a run with --scenarios "
					+ "writes them to benchmarks/" + PREFIX + "S.json under its --out");
		}
		try {
			return JSON.readValue(Files.readString(file), ScenarioSet.class);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalArgumentException("cannot read the scenario results " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Every set whose JSON file is in {@code charts}, by seed. */
	static List<ScenarioSet> readAll(Path charts) throws IOException {
		List<ScenarioSet> sets = new ArrayList<>();
		if (!Files.isDirectory(charts)) {
			return sets;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(charts, PREFIX + "*.json")) {
			for (Path file : files) {
				sets.add(read(file));
			}
		}
		sets.sort(Comparator.comparingLong(ScenarioSet::seed));
		return sets;
	}

	static Csv csv(ScenarioSummary summary) {
		Csv csv = new Csv(HEADER);
		for (ScenarioView view : summary.views()) {
			Scenario scenario = view.scenario();
			String work = String.join(" → ", scenario.phases().stream().map(Scenario.Work::description).toList());
			String best = view.best().map((cell) -> Integer.toString(cell.contender().size())).orElse("");
			for (ScenarioCell cell : view.result().cells()) {
				csv.row(List.of(Long.toString(scenario.seed()), scenario.id(), scenario.arrivalDescription(summary.set().seconds()),
						Integer.toString(scenario.phases().size()), work,
						(scenario.arrival() == Arrival.POISSON) ? ""
								: Integer.toString(scenario.outstanding()),
						number(view.modelKnee()), cell.contender().id(), cell.contender().kind().name(),
						(cell.contender().size() > 0) ? Integer.toString(cell.contender().size()) : "",
						number(cell.throughput()), number(cell.p50Ms()), number(cell.p99Ms()), number(cell.maxMs()),
						number(cell.meanThreads()), number(cell.peakThreads()), Long.toString(cell.completed()),
						Long.toString(cell.unfinished()), number(cell.cpuPercent()), number(cell.limit()), best,
						(view.knee() > 0) ? Integer.toString(view.knee()) : "", number(view.throughputRatio(cell)),
						number(view.p99Ratio(cell)), number(view.threadsRatio(cell))));
			}
		}
		return csv;
	}

}
