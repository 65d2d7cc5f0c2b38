package io.betapool.benchmarks.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed loop of {@code N} concurrent clients against one URL of a running application: each client
 * sends a request, waits for the whole answer, and sends the next at once. After a warm-up, it measures for
 * a fixed time the requests completed per second, their latency percentiles and failures, and samples the
 * application's live JVM threads from its {@code /actuator/metrics/jvm.threads.live}.
 *
 * <pre>
 * java -cp benchmarks.jar io.betapool.benchmarks.http.HttpLoad --url http://localhost:8080/search?q=pool \
 *     --clients 50,200 --warmup 10s --measure 20s --label betapool
 * </pre>
 * It prints one Markdown table row per client count: label, clients, requests per second, p50, p99 and
 * max latency in milliseconds, failed requests, and the most live threads the application had.
 */
public final class HttpLoad {

	private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client;

	private final URI target;

	private final URI threadsMetric;

	HttpLoad(URI target) {
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REQUEST_TIMEOUT).build();
		this.target = target;
		this.threadsMetric = target.resolve("/actuator/metrics/jvm.threads.live");
	}

	public static void main(String[] args) throws Exception {
		String url = null;
		List<Integer> clients = List.of(50);
		Duration warmup = Duration.ofSeconds(10);
		Duration measure = Duration.ofSeconds(20);
		String label = "";
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (i + 1 >= args.length) {
				throw usage("missing value after " + option);
			}
			String value = args[++i];
			switch (option) {
				case "--url" -> url = value;
				case "--clients" -> clients = parseClients(value);
				case "--warmup" -> warmup = parseDuration(option, value);
				case "--measure" -> measure = parseDuration(option, value);
				case "--label" -> label = value;
				default -> throw usage("unknown option " + option);
			}
		}
		if (url == null) {
			throw usage("--url is required");
		}
		HttpLoad load = new HttpLoad(URI.create(url));
		for (int count : clients) {
			Result result = load.run(count, warmup, measure);
			System.out.println(result.row(label));
		}
	}

	Result run(int clients, Duration warmup, Duration measure) throws InterruptedException {
		Recorder latencies = new Recorder(3);
		AtomicLong completed = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long start = System.nanoTime();
		long measureFrom = start + warmup.toNanos();
		long end = measureFrom + measure.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Thread thread = new Thread(() -> loop(measureFrom, end, latencies, completed, failed), "client-" + i);
			thread.start();
			threads.add(thread);
		}
		LongAccumulator maxThreads = new LongAccumulator(Math::max, 0);
		Thread sampler = new Thread(() -> sampleThreads(measureFrom, end, maxThreads), "threads-sampler");
		sampler.start();
		for (Thread thread : threads) {
			thread.join();
		}
		sampler.join();
		Histogram histogram = latencies.getIntervalHistogram();
		double seconds = measure.toNanos() / 1e9;
		return new Result(clients, completed.get() / seconds, histogram.getValueAtPercentile(50) / 1e3,
				histogram.getValueAtPercentile(99) / 1e3, histogram.getMaxValue() / 1e3, failed.get(),
				maxThreads.get());
	}

	private void loop(long measureFrom, long end, Recorder latencies, AtomicLong completed, AtomicLong failed) {
		HttpRequest request = HttpRequest.newBuilder(this.target).timeout(REQUEST_TIMEOUT).GET().build();
		while (true) {
			long sent = System.nanoTime();
			if (sent - end >= 0) {
				return;
			}
			boolean ok;
			try {
				HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
				ok = response.statusCode() == 200;
			}
			catch (IOException ex) {
				ok = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long received = System.nanoTime();
			if (sent - measureFrom >= 0 && received - end < 0) {
				if (ok) {
					completed.incrementAndGet();
					latencies.recordValue((received - sent) / 1_000);
				}
				else {
					failed.incrementAndGet();
				}
			}
		}
	}

	private void sampleThreads(long measureFrom, long end, LongAccumulator maxThreads) {
		HttpRequest request = HttpRequest.newBuilder(this.threadsMetric).timeout(REQUEST_TIMEOUT).GET().build();
		try {
			while (System.nanoTime() - end < 0) {
				if (System.nanoTime() - measureFrom >= 0) {
					HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
					Matcher matcher = VALUE.matcher(response.body());
					if (response.statusCode() == 200 && matcher.find()) {
						maxThreads.accumulate(Math.round(Double.parseDouble(matcher.group(1))));
					}
				}
				Thread.sleep(500);
			}
		}
		catch (IOException ex) {
			System.err.println("Could not read " + this.threadsMetric + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static List<Integer> parseClients(String value) {
		List<Integer> counts = new ArrayList<>();
		for (String part : value.split(",")) {
			try {
				int count = Integer.parseInt(part.trim());
				if (count < 1) {
					throw usage("--clients takes positive integers, but was " + value);
				}
				counts.add(count);
			}
			catch (NumberFormatException ex) {
				throw usage("--clients takes positive integers separated by commas, such as 50,200, but was " + value);
			}
		}
		return List.copyOf(counts);
	}

	static Duration parseDuration(String option, String value) {
		Matcher matcher = Pattern.compile("(\\d+)(ms|s)").matcher(value.trim().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw usage(option + " takes a duration such as 500ms or 20s, but was " + value);
		}
		long amount = Long.parseLong(matcher.group(1));
		return matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
	}

	private static IllegalArgumentException usage(String problem) {
		return new IllegalArgumentException(problem + "\nusage: HttpLoad --url URL [--clients 50,200] "
				+ "[--warmup 10s] [--measure 20s] [--label NAME]");
	}

	/**
	 * The measurement at one client count.
	 */
	record Result(int clients, double throughput, double p50Ms, double p99Ms, double maxMs, long failed,
			long maxThreads) {

		String row(String label) {
			return String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %d | %d |", label, this.clients,
					this.throughput, this.p50Ms, this.p99Ms, this.maxMs, this.failed, this.maxThreads);
		}

	}

}
