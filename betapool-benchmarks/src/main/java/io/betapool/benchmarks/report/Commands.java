package io.betapool.benchmarks.report;

/**
 * The commands the report tells its reader to run, from the repository root.
 */
public final class Commands {

	/** Builds the benchmarks jar (and what it depends on). */
	public static final String BUILD = "mvn -B -q -pl betapool-benchmarks -am package -DskipTests";

	/** The jar the build produces. */
	public static final String JAR = "betapool-benchmarks/target/benchmarks.jar";

	/** Runs the JMH overhead benchmarks and writes the JSON the report reads (JMH needs its directory to exist). */
	public static final String JMH = "mkdir -p docs/benchmarks && java -cp " + JAR
			+ " org.openjdk.jmh.Main ExecutorOverheadBenchmark -rf json -rff docs/benchmarks/jmh.json";

	private Commands() {
	}

}
