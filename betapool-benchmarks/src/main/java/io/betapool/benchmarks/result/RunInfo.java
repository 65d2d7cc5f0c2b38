package io.betapool.benchmarks.result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How a run was made: when, where, with which command and settings.
 *
 * @param command the command that reproduces the run
 * @param started when it started
 * @param elapsed how long it took
 * @param quick whether it was the short smoke run, whose timings mean nothing
 * @param machine the machine and JVM
 * @param iterationsPerCpuMs the calibration of CPU work: mix iterations per millisecond of CPU time
 * @param settings the durations and sizes the run used, one line each, for the report
 */
public record RunInfo(String command, Instant started, Duration elapsed, boolean quick, MachineInfo machine,
		double iterationsPerCpuMs, List<String> settings) {

	public RunInfo {
		Objects.requireNonNull(command, "command");
		Objects.requireNonNull(started, "started");
		Objects.requireNonNull(elapsed, "elapsed");
		Objects.requireNonNull(machine, "machine");
		settings = List.copyOf(settings);
	}

}
