package io.betapool.sample.journal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The application's own pool for writing its journal: eight threads, sized by hand as most pools
 * are. BetaPool does not resize it; it measures it and says, on {@code /actuator/betapool} and the
 * page, what size it would choose.
 */
@Configuration(proxyBeanMethods = false)
public class JournalConfiguration {

	/** The threads of the journal pool, fixed. */
	public static final int JOURNAL_THREADS = 8;

	@Bean
	ThreadPoolTaskExecutor journalExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(JOURNAL_THREADS);
		executor.setMaxPoolSize(JOURNAL_THREADS);
		executor.setQueueCapacity(10_000);
		executor.setThreadNamePrefix("journal-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		return executor;
	}

}
