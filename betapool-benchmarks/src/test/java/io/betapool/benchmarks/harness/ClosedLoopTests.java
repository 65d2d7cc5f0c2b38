package io.betapool.benchmarks.harness;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

import io.betapool.benchmarks.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClosedLoop} on an executor that only queues its tasks, so that the test runs them
 * one by one on its own thread.
 */
class ClosedLoopTests {

	private final QueueingExecutor executor = new QueueingExecutor();

	private final Durations durations = new Durations(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
			Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO);

	private final ClosedLoop loop = new ClosedLoop(this.executor, Fixtures.shifting().phases(),
			new TaskRecorder(System.nanoTime(), Schedule.of(Fixtures.shifting(), Duration.ZERO, this.durations), 3, true));

	@Test
	void eachTaskThatEndsSubmitsItsSuccessor() {
		this.loop.start(3);
		assertThat(this.executor.tasks).hasSize(3);
		this.executor.runOne();
		this.executor.runOne();
		assertThat(this.executor.tasks).hasSize(3);
	}

	@Test
	void aPauseLetsTheTasksInProgressEndAndAResumeTopsThemUpAgain() {
		this.loop.start(3);
		this.loop.pause();
		this.executor.runOne();
		this.executor.runOne();
		assertThat(this.executor.tasks).hasSize(1);
		this.loop.phase(1);
		this.loop.resume();
		assertThat(this.executor.tasks).hasSize(3);
		assertThat(this.executor.tasks).extracting((task) -> ((Task) task).phase).containsExactly(0, 1, 1);
		this.executor.runOne();
		assertThat(this.executor.tasks).hasSize(3);
	}

	@Test
	void aResumeWithEveryTaskInProgressSubmitsNothing() {
		this.loop.start(2);
		this.loop.resume();
		assertThat(this.executor.tasks).hasSize(2);
	}

	@Test
	void afterStopNoSuccessorIsSubmitted() {
		this.loop.start(2);
		this.loop.stop();
		this.executor.runOne();
		assertThat(this.executor.tasks).hasSize(1);
	}

	/** Queues what it is given; the test runs it. */
	private static final class QueueingExecutor extends AbstractExecutorService {

		final Queue<Runnable> tasks = new ArrayDeque<>();

		@Override
		public void execute(Runnable command) {
			this.tasks.add(command);
		}

		void runOne() {
			this.tasks.remove().run();
		}

		@Override
		public void shutdown() {
		}

		@Override
		public List<Runnable> shutdownNow() {
			return List.copyOf(this.tasks);
		}

		@Override
		public boolean isShutdown() {
			return false;
		}

		@Override
		public boolean isTerminated() {
			return false;
		}

		@Override
		public boolean awaitTermination(long timeout, TimeUnit unit) {
			return false;
		}

	}

}
