package io.betapool.sample.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The application's own pool for writing its audit trail: eight threads, sized by hand as most pools
 * are. BetaPool does not resize it; it measures it and says, on {@code /actuator/betapool} and the
 * page, what size it would choose.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

	/** The threads of the audit pool, fixed. */
	public static final int AUDIT_THREADS = 8;

	@Bean
	ThreadPoolTaskExecutor auditExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(AUDIT_THREADS);
		executor.setMaxPoolSize(AUDIT_THREADS);
		executor.setQueueCapacity(10_000);
		executor.setThreadNamePrefix("audit-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		return executor;
	}

}
