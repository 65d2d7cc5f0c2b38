package io.betapool.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.betapool.benchmarks.result.Overhead;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the JSON that JMH writes with {@code -rf json} for the executor overhead benchmark and pairs
 * each betapool figure with the {@code ThreadPoolExecutor} figure of the same task and thread count.
 * Benchmarks with other parameters are ignored.
 */
public final class JmhResults {

	static final String BETAPOOL = "betapool";

	static final String THREAD_POOL_EXECUTOR = "threadPoolExecutor";

	private JmhResults() {
	}

	/** The pairs in {@code file}, or none when it does not exist. */
	public static List<Overhead> read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		return parse(Files.readString(file));
	}

	/** The pairs in a JMH JSON document, ordered by task and thread count. */
	static List<Overhead> parse(String json) {
		JsonNode root;
		try {
			root = new ObjectMapper().readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("JMH results are not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!root.isArray()) {
			throw new IllegalArgumentException("JMH results must be a JSON array");
		}
		Map<String, double[]> tpe = new LinkedHashMap<>();
		Map<String, double[]> betapool = new LinkedHashMap<>();
		for (JsonNode run : root) {
			JsonNode params = run.path("params");
			JsonNode metric = run.path("primaryMetric");
			String executor = params.path("type").asString(null);
			String task = params.path("task").asString(null);
			String threads = params.path("threads").asString(null);
			if (executor == null || task == null || threads == null || metric.isMissingNode()) {
				continue;
			}
			String key = task + "/" + threads;
			double[] score = { number(metric.path("score")), number(metric.path("scoreError")) };
			if (BETAPOOL.equals(executor)) {
				betapool.put(key, score);
			}
			else if (THREAD_POOL_EXECUTOR.equals(executor)) {
				tpe.put(key, score);
			}
		}
		List<Overhead> overheads = new ArrayList<>();
		for (Map.Entry<String, double[]> entry : tpe.entrySet()) {
			double[] other = betapool.get(entry.getKey());
			if (other == null) {
				continue;
			}
			String[] parts = entry.getKey().split("/", 2);
			overheads.add(new Overhead(parts[0], Integer.parseInt(parts[1]), entry.getValue()[0], entry.getValue()[1],
					other[0], other[1]));
		}
		overheads.sort(Comparator.comparing(Overhead::task).thenComparingInt(Overhead::threads));
		return overheads;
	}

	/** A number, or a number written as text (JMH writes "NaN" so); NaN otherwise. */
	private static double number(JsonNode value) {
		if (value.isNumber()) {
			return value.doubleValue();
		}
		if (value.isString()) {
			try {
				return Double.parseDouble(value.asString());
			}
			catch (NumberFormatException ex) {
				return Double.NaN;
			}
		}
		return Double.NaN;
	}

}
