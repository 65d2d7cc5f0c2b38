package io.betapool.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The BetaPool sample application: {@code @Async} services for a RAG pipeline and edge inference, a load
 * driver that runs them through I/O-heavy, CPU-heavy, mixed and idle phases, and a live page at {@code /}
 * that shows the adaptive executor sizing itself. The executor comes from the BetaPool starter alone:
 * this application only depends on it and configures it in {@code application.yml}.
 */
@SpringBootApplication
@EnableAsync
@ConfigurationPropertiesScan
public class SampleApplication {

	/**
	 * Starts the application.
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
