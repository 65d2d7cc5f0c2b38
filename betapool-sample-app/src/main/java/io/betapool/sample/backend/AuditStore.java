package io.betapool.sample.backend;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The stand-in audit store's record count: what {@code POST /backend/audit} has stored.
 */
@Component
public class AuditStore {

	private final AtomicLong records = new AtomicLong();

	long add() {
		return this.records.incrementAndGet();
	}

	/** The number of records stored since the application started. */
	public long count() {
		return this.records.get();
	}

}
