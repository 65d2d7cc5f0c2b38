package io.betapool.benchmarks.twopools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import io.betapool.AdaptiveThreadPoolExecutor;
import io.betapool.benchmarks.contender.Contender;
import io.betapool.benchmarks.contender.RunningContender;
import io.betapool.benchmarks.contender.VirtualThreads;
import io.betapool.benchmarks.workload.Calibration;
import io.betapool.control.CpuBudget;
import io.betapool.control.KneeModel;
import io.betapool.measure.Ticker;
import io.betapool.workload.WorkloadGenerator;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Two pools in one JVM, side by side from cold: a CPU-heavy pool (2 ms of CPU per task, a closed loop
 * of {@value #CPU_OUTSTANDING}) and an I/O-heavy one (20 ms of waiting, then 0.5 ms of CPU, a closed loop
 * of {@value #IO_OUTSTANDING}). Each pool is first measured alone at a few static sizes, to find its best
 * static size alone; then both run together in four setups, taking turns for {@value #ROUNDS} rounds, and
 * the report gives each figure's median over the rounds:
 * <ul>
 * <li>betapool, both pools in one {@link CpuBudget};</li>
 * <li>betapool, each pool on its own ({@link CpuBudget#none()});</li>
 * <li>two static pools, each at its best size alone;</li>
 * <li>virtual threads, one executor per pool.</li>
 * </ul>
 * From the repository root:
 * <pre>
 *   java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp betapool-benchmarks/target/benchmarks.jar \
 *       io.betapool.benchmarks.twopools.TwoPools --out docs
 * </pre>
 * writes {@code benchmarks/two-pools.md} and {@code benchmarks/two-pools.csv} under {@code --out}, and
 * puts the section into its {@code benchmarks.md}; the harness keeps it there when it rewrites the
 * report.
 */
public final class TwoPools {

	/** Tasks the CPU-heavy pool's closed loop keeps in progress. */
	static final int CPU_OUTSTANDING = 16;

	/** Tasks the I/O-heavy pool's closed loop keeps in progress. */
	static final int IO_OUTSTANDING = 200;

	static final double CPU_MS = 2;

	static final double IO_WAIT_MS = 20;

	static final double IO_CPU_MS = 0.5;

	private static final long SAMPLE_NANOS = 100_000_000L;

	private static final Duration PAUSE = Duration.ofMillis(250);

	/** Rounds of each side-by-side setup; the report gives each figure's median. */
	static final int ROUNDS = 3;

	private final Calibration calibration;

	private final int cores;

	private final Duration length;

	private final PrintStream progress;

	TwoPools(Calibration calibration, int cores, Duration length, PrintStream progress) {
		this.calibration = calibration;
		this.cores = cores;
		this.length = length;
		this.progress = progress;
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Path out = Path.of("docs");
		Duration length = Duration.ofSeconds(6);
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--out" -> out = Path.of(value(args, ++i));
					case "--seconds" -> length = Duration.ofMillis(Math.round(1000 * seconds(value(args, ++i))));
					default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
				}
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage() + "; usage: TwoPools [--out DIR] [--seconds S]");
			System.exit(2);
			return;
		}
		Instant started = Instant.now();
		Calibration calibration = Calibration.measure(Duration.ofSeconds(2));
		int cores = Runtime.getRuntime().availableProcessors();
		TwoPools run = new TwoPools(calibration, cores, length, System.out);
		TwoPoolResults results = run.run();
		String command = "java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp betapool-benchmarks/target/benchmarks.jar "
				+ TwoPools.class.getName() + (args.length > 0 ? " " + String.join(" ", args) : "");
		Path section = TwoPoolReport.write(out, results, command, started, Duration.between(started, Instant.now()));
		System.out.println("Two-pool section written to " + section);
	}

	static String value(String[] args, int index) {
		if (index >= args.length) {
			throw new IllegalArgumentException(args[index - 1] + " needs a value");
		}
		return args[index];
	}

	/** The value of {@code --seconds}: a positive number of seconds, with or without a trailing {@code s}. */
	static double seconds(String text) {
		double seconds;
		try {
			seconds = Double.parseDouble(text.endsWith("s") ? text.substring(0, text.length() - 1) : text);
		}
		catch (NumberFormatException ex) {
			seconds = Double.NaN;
		}
		if (!(seconds > 0) || Double.isInfinite(seconds)) {
			throw new IllegalArgumentException("--seconds must be a positive number of seconds, but was '" + text + "'");
		}
		return seconds;
	}

	Callable<?> cpuWork() {
		return WorkloadGenerator.cpuTask(this.calibration.iterations(CPU_MS));
	}

	Callable<?> ioWork() {
		return WorkloadGenerator.mixedTask(IO_WAIT_MS, this.calibration.iterations(IO_CPU_MS));
	}

	/** The static sizes each pool is measured at alone. */
	List<Integer> cpuSizes() {
		return List.of(1, this.cores, this.cores + 1, 2 * this.cores);
	}

	List<Integer> ioSizes() {
		int knee = KneeModel.kneeSize(this.cores, IO_WAIT_MS / (IO_WAIT_MS + IO_CPU_MS), IO_OUTSTANDING);
		return List.of(Math.max(1, knee / 2), knee, Math.min(IO_OUTSTANDING, 2 * knee));
	}

	TwoPoolResults run() throws InterruptedException {
		// the JIT sees every kind of executor before the first measured cell
		Duration measured = this.length;
		Duration warm = Duration.ofMillis(500);
		cell(warm, fixed(this.cores), fixed(IO_OUTSTANDING / 4));
		cell(warm, betapool(CpuBudget.none(), "cpu-"), betapool(CpuBudget.none(), "io-"));
		List<TwoPoolResults.Alone> cpuAlone = new ArrayList<>();
		for (int size : cpuSizes()) {
			cpuAlone.add(new TwoPoolResults.Alone("cpu", size, cell(measured, fixed(size), null).cpu()));
			report("CPU pool alone, static " + size, cpuAlone.get(cpuAlone.size() - 1).figures());
		}
		List<TwoPoolResults.Alone> ioAlone = new ArrayList<>();
		for (int size : ioSizes()) {
			ioAlone.add(new TwoPoolResults.Alone("io", size, cell(measured, null, fixed(size)).io()));
			report("I/O pool alone, static " + size, ioAlone.get(ioAlone.size() - 1).figures());
		}
		int bestCpu = TwoPoolResults.best(cpuAlone).size();
		int bestIo = TwoPoolResults.best(ioAlone).size();
		CpuBudget budget = new CpuBudget(this.cores, Ticker.system());
		List<String> names = new ArrayList<>(List.of(TwoPoolResults.COORDINATED, TwoPoolResults.INDEPENDENT,
				"two static pools (" + bestCpu + " and " + bestIo + " threads)"));
		if (VirtualThreads.available()) {
			names.add(TwoPoolResults.VIRTUAL);
		}
		// the setups take turns, round after round, so that a slow stretch of the machine hits them all
		List<List<SetupResult>> rounds = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			rounds.add(new ArrayList<>());
		}
		for (int round = 0; round < ROUNDS; round++) {
			rounds.get(0).add(setup(names.get(0), cell(measured, betapool(budget, "cpu-"), betapool(budget, "io-"))));
			rounds.get(1).add(setup(names.get(1),
					cell(measured, betapool(CpuBudget.none(), "cpu-"), betapool(CpuBudget.none(), "io-"))));
			rounds.get(2).add(setup(names.get(2), cell(measured, fixed(bestCpu), fixed(bestIo))));
			if (names.size() > 3) {
				rounds.get(3).add(setup(names.get(3), cell(measured, virtual(), virtual())));
			}
		}
		List<SetupResult> setups = rounds.stream().map(TwoPoolResults::median).toList();
		return new TwoPoolResults(this.cores, measured.toMillis() / 1000.0, cpuAlone, ioAlone, setups);
	}

	private SetupResult setup(String name, SetupResult cell) {
		SetupResult named = new SetupResult(name, cell.cpu(), cell.io(), cell.meanTotalThreads());
		report(name + ", CPU pool", named.cpu());
		report(name + ", I/O pool", named.io());
		return named;
	}

	private void report(String what, PoolFigures figures) {
		this.progress.printf(Locale.ROOT, "%-60s %8.0f tasks/s  p99 %8.1f ms  threads %6.1f%n", what,
				figures.tasksPerSecond(), figures.p99Ms(), figures.meanThreads());
	}

	/** An executor, how many platform threads it holds now, and whether it shares them with the other pool. */
	private record Pool(ExecutorService executor, IntSupplier threads, boolean sharedThreads) {
	}

	private static Pool fixed(int size) {
		RunningContender running = Contender.fixed(size).start();
		return new Pool(running.executor(), running.threadCount(), false);
	}

	private static Pool betapool(CpuBudget budget, String prefix) {
		AdaptiveThreadPoolExecutor pool = AdaptiveThreadPoolExecutor.builder()
			.minWorkers(Contender.BETAPOOL_MIN)
			.maxWorkers(Contender.BETAPOOL_MAX)
			.threadNamePrefix(prefix)
			.cpuBudget(budget)
			.build();
		return new Pool(pool, pool::getCurrentThreadCount, false);
	}

	/** Virtual threads: both executors share one carrier pool, so their threads are counted once. */
	private static Pool virtual() {
		return new Pool(VirtualThreads.newExecutor(), VirtualThreads::platformThreads, true);
	}

	/**
	 * Runs the CPU-heavy load on {@code cpu} and the I/O-heavy load on {@code io} side by side, for
	 * {@code length} from the moment both start, then shuts both down.
	 */
	SetupResult cell(Duration length, @Nullable Pool cpu, @Nullable Pool io) throws InterruptedException {
		ClosedLoad cpuLoad = (cpu != null) ? new ClosedLoad(cpu.executor(), cpuWork()) : null;
		ClosedLoad ioLoad = (io != null) ? new ClosedLoad(io.executor(), ioWork()) : null;
		double cpuThreads = 0;
		double ioThreads = 0;
		double totalThreads = 0;
		int samples = 0;
		long start = System.nanoTime();
		if (cpuLoad != null) {
			cpuLoad.start(CPU_OUTSTANDING);
		}
		if (ioLoad != null) {
			ioLoad.start(IO_OUTSTANDING);
		}
		long end = start + length.toNanos();
		long next = start + SAMPLE_NANOS;
		while (end - System.nanoTime() > 0) {
			TimeUnit.NANOSECONDS.sleep(Math.max(1, Math.min(next, end) - System.nanoTime()));
			if (next - System.nanoTime() <= 0) {
				int c = (cpu != null) ? cpu.threads().getAsInt() : 0;
				int i = (io != null) ? io.threads().getAsInt() : 0;
				cpuThreads += c;
				ioThreads += i;
				totalThreads += (cpu != null && io != null && cpu.sharedThreads()) ? c : c + i;
				samples++;
				next += SAMPLE_NANOS;
			}
		}
		// both loads stop counting at the same moment, before either pool is shut down
		if (cpuLoad != null) {
			cpuLoad.stop();
		}
		if (ioLoad != null) {
			ioLoad.stop();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		PoolFigures cpuFigures = figures(cpu, cpuLoad, seconds, cpuThreads / Math.max(1, samples));
		PoolFigures ioFigures = figures(io, ioLoad, seconds, ioThreads / Math.max(1, samples));
		shutDown(cpu);
		shutDown(io);
		TimeUnit.MILLISECONDS.sleep(PAUSE.toMillis());
		return new SetupResult("", cpuFigures, ioFigures, totalThreads / Math.max(1, samples));
	}

	private static void shutDown(@Nullable Pool pool) throws InterruptedException {
		if (pool != null) {
			pool.executor().shutdownNow();
			if (!pool.executor().awaitTermination(30, TimeUnit.SECONDS)) {
				System.err.println("warning: an executor did not terminate within 30 s");
			}
		}
	}

	private static PoolFigures figures(@Nullable Pool pool, @Nullable ClosedLoad load, double seconds,
			double threads) {
		if (pool == null || load == null) {
			return new PoolFigures(Double.NaN, Double.NaN, Double.NaN);
		}
		Histogram latencies = load.latencies();
		double p99 = (latencies.getTotalCount() > 0) ? latencies.getValueAtPercentile(99) / 1e6 : Double.NaN;
		return new PoolFigures(load.completed() / seconds, p99, pool.sharedThreads() ? Double.NaN : threads);
	}

}
