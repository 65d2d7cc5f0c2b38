package io.betapool.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.betapool.benchmarks.result.RunResults;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The fixed workloads' results of a run, kept in the report's {@code benchmarks/} directory as
 * {@code workloads.json}: how that run was made and every cell it measured. A later run that measures
 * only scenario sets into the same directory reads them back, so its report still shows the fixed
 * workloads, their goals and the run that measured them; a run that measures fixed workloads replaces
 * the file. A workload's figures are kept, not its task: a phase read back has a task that throws.
 */
public final class WorkloadFiles {

	/** The file's name in the {@code benchmarks/} directory. */
	public static final String NAME = "workloads.json";

	/** What a phase read back from the file runs: its task is code, which the file does not keep. */
	static final Callable<Object> NOT_KEPT = () -> {
		throw new IllegalStateException("a workload read back from " + NAME + " keeps its figures, not its task");
	};

	private static final ObjectMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.addModule(tasksNotKept())
		.build();

	private WorkloadFiles() {
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static SimpleModule tasksNotKept() {
		return new SimpleModule("workload-tasks").addSerializer(Callable.class, new ValueSerializer<Callable>() {
			@Override
			public void serialize(Callable value, JsonGenerator generator, SerializationContext context) {
				generator.writeString("not kept");
			}
		}).addDeserializer(Callable.class, new ValueDeserializer<Callable>() {
			@Override
			public Callable deserialize(JsonParser parser, DeserializationContext context) {
				parser.skipChildren();
				return NOT_KEPT;
			}
		});
	}

	/** Writes the run information and fixed workloads of {@code results} (not its scenario sets) into {@code charts}, which exists. */
	static void write(Path charts, RunResults results) throws IOException {
		RunResults fixed = new RunResults(results.info(), results.workloads(), List.of());
		Files.writeString(charts.resolve(NAME), JSON.writeValueAsString(fixed));
	}

	/**
	 * The fixed workloads an earlier run left in {@code charts}, if it left any.
	 * @throws IllegalArgumentException naming the file when it is there but cannot be read
	 */
	static Optional<RunResults> read(Path charts) {
		Path file = charts.resolve(NAME);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(Files.readString(file), RunResults.class));
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalArgumentException("cannot read the fixed workloads' results " + file + ": "
					+ ex.getMessage() + "; delete it or run the fixed workloads again into the same --out", ex);
		}
	}

}
