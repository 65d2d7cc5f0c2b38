package io.betapool.sample.backend;

import java.util.HashSet;
import java.util.Set;

import io.betapool.sample.text.Tokenizer;

import org.springframework.stereotype.Component;

/**
 * A stand-in for a language model that answers from the context in its prompt: it picks the context
 * sentence sharing the most terms with the question and cites the passage it came from.
 *
 * <p>It reads prompts of the form that the RAG pipeline writes: a first line {@code Question: …},
 * then one line per context passage, {@code [n] title: text}.
 */
@Component
public class LanguageModelStandIn {

	/** Name this stand-in reports as its model. */
	public static final String MODEL = "extractive-stand-in";

	/**
	 * The completion of {@code prompt}.
	 */
	public Completion complete(String prompt) {
		String[] lines = prompt.split("\n");
		String question = lines[0].startsWith("Question:") ? lines[0].substring("Question:".length()).strip()
				: lines[0].strip();
		Set<String> questionTerms = new HashSet<>(Tokenizer.terms(question));
		String bestSentence = null;
		String bestSource = null;
		int bestOverlap = -1;
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].strip();
			int bracket = line.indexOf(']');
			int colon = line.indexOf(": ");
			if (!line.startsWith("[") || bracket < 0 || colon < bracket) {
				continue;
			}
			String source = line.substring(0, bracket + 1) + " " + line.substring(bracket + 1, colon).strip();
			for (String sentence : line.substring(colon + 2).split("(?<=[.!?])\\s+")) {
				int overlap = 0;
				for (String term : Tokenizer.terms(sentence)) {
					if (questionTerms.contains(term)) {
						overlap++;
					}
				}
				if (overlap > bestOverlap) {
					bestOverlap = overlap;
					bestSentence = sentence.strip();
					bestSource = source;
				}
			}
		}
		String text = (bestSentence == null || bestOverlap == 0)
				? "The context does not answer \"" + question + "\"."
				: bestSentence + " (" + bestSource + ")";
		return new Completion(text, MODEL, Tokenizer.terms(prompt).size(), Tokenizer.terms(text).size());
	}

	/**
	 * What the model answered.
	 *
	 * @param text the answer
	 * @param model the model that wrote it
	 * @param promptTerms terms in the prompt, standing in for prompt tokens
	 * @param completionTerms terms in the answer, standing in for completion tokens
	 */
	public record Completion(String text, String model, int promptTerms, int completionTerms) {

	}

}
