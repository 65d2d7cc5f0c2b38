package io.betapool.sample.load;

import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

import io.betapool.sample.journal.AnswerJournal;
import io.betapool.sample.inference.EdgeInference;
import io.betapool.sample.rag.RagPipeline;
import io.betapool.sample.rag.RagQuery;
import io.betapool.sample.rag.SampleQuestions;

import org.springframework.stereotype.Component;

/**
 * Starts one task of a workload by calling the application's {@code @Async} services, exactly as a
 * controller would.
 */
@Component
class Workloads {

	private final RagPipeline rag;

	private final EdgeInference inference;

	private final SyntheticWork synthetic;

	private final LoadProperties properties;

	private final AnswerJournal journal;

	Workloads(RagPipeline rag, EdgeInference inference, SyntheticWork synthetic, LoadProperties properties,
			AnswerJournal journal) {
		this.rag = rag;
		this.inference = inference;
		this.synthetic = synthetic;
		this.properties = properties;
		this.journal = journal;
	}

	/**
	 * Submits one task of {@code workload}, drawing its inputs from {@code random}, and returns its future.
	 * Each answered question and classified frame is written to the journal, on its own pool.
	 * @throws org.springframework.core.task.TaskRejectedException if the executor refuses the task
	 */
	CompletableFuture<?> start(Workload workload, RandomGenerator random) {
		return switch (workload) {
			case RAG -> this.rag.answer(RagQuery.of(SampleQuestions.pick(random)))
				.thenApply((answer) -> journaled("rag", answer.question() + " -> " + answer.sources().size() + " sources", answer));
			case INFERENCE -> this.inference.classify(this.properties.inferenceSize(), random.nextLong())
				.thenApply((result) -> journaled("inference", result.label() + " seed " + result.seed(), result));
			case MIXED -> start((random.nextDouble() < this.properties.mixedRagShare()) ? Workload.RAG
					: Workload.INFERENCE, random);
			case IO -> this.synthetic.block(this.properties.ioLatency());
			case CPU -> this.synthetic.compute(this.properties.cpuIterations());
			case IDLE -> CompletableFuture.completedFuture(null);
		};
	}

	private <T> T journaled(String kind, String event, T result) {
		this.journal.record(kind, event);
		return result;
	}

}
