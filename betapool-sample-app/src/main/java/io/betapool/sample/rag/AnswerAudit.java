package io.betapool.sample.rag;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

/**
 * Sends an audit record of every question answered to the audit store, on the executor named
 * {@code audit}: fire-and-forget I/O kept off the pool that answers, so that a slow audit store holds up
 * no answer, and sized by its own controller.
 */
@Service
public class AnswerAudit {

	private static final Logger logger = LoggerFactory.getLogger(AnswerAudit.class);

	private final BackendClient backends;

	AnswerAudit(BackendClient backends) {
		this.backends = backends;
	}

	/**
	 * Stores a record of {@code question}, on a worker of the {@code audit} executor.
	 */
	@Async("audit")
	public void record(String question) {
		try {
			this.backends.audit(question);
		}
		catch (RestClientException ex) {
			// an audit record is not worth a stack trace, such as when the server stops with records in flight
			logger.warn("Audit record not stored: {}", ex.getMessage());
		}
	}

}
