package io.betapool.sample.backend;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How slow the stand-in backends are, under {@code sample.backend}.
 *
 * @param vectorSearchLatency time the vector store takes to answer when a request does not say
 * @param llmLatency time the language model takes to answer when a request does not say
 * @param auditLatency time the audit store takes to store a record
 * @param url where the RAG pipeline and {@code /search} find the stand-in backends: another running copy of
 * this application, such as {@code http://localhost:9090}; unset, this application itself
 * @param jitter spread of every latency: each answer takes the latency times a factor drawn uniformly
 * from {@code [1 − jitter, 1 + jitter]}; from 0 to 1
 */
@ConfigurationProperties("sample.backend")
public record BackendProperties(@DefaultValue("100ms") Duration vectorSearchLatency,
		@DefaultValue("400ms") Duration llmLatency, @DefaultValue("50ms") Duration auditLatency,
		@Nullable URI url, @DefaultValue("0.25") double jitter) {

	/**
	 * Checks the values.
	 */
	public BackendProperties {
		if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
			throw new IllegalArgumentException("sample.backend.url must be an http or https URL, but was " + url);
		}
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new IllegalArgumentException("sample.backend.jitter must be between 0 and 1, but was " + jitter);
		}
	}

}
