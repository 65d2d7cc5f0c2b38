package io.betapool.spring.boot.autoconfigure;

import io.betapool.spring.boot.BetaPoolTaskExecutor;
import org.apache.coyote.ProtocolHandler;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that runs Tomcat's request threads on an adaptive
 * pool when {@code betapool.web.enabled} is {@code true}: Spring MVC's blocking controllers then run on a
 * pool that sizes itself. The pool is the bean {@code tomcat}; its meters are tagged {@code name=tomcat}
 * and it has its own entry in the {@code betapool} endpoint. It takes the top-level {@code betapool.*}
 * values, and Tomcat's {@code server.tomcat.threads.min-spare} and {@code server.tomcat.threads.max} as its
 * smallest and largest size.
 * <p>
 * It sets the executor of Tomcat's protocol handler, as Boot does for virtual threads; Tomcat keeps its
 * acceptor and poller threads and its connection limits, and does not stop an executor it did not create:
 * the bean does, when the context closes, after the web server has stopped. With
 * {@code spring.threads.virtual.enabled=true} it backs off: Boot then runs requests on virtual threads.
 * <p>
 * Jetty is not handled: its server takes a Jetty {@code ThreadPool}, which also runs Jetty's own
 * long-lived acceptor and selector tasks, so it cannot be handed a plain executor as Tomcat's protocol
 * handler can, and those never-ending tasks would hold workers the controller counts as busy.
 */
@AutoConfiguration(after = BetaPoolAutoConfiguration.class)
@ConditionalOnClass({ TomcatProtocolHandlerCustomizer.class, ProtocolHandler.class })
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "betapool.web", name = "enabled", havingValue = "true")
@ConditionalOnBean(BetaPoolExecutorFactory.class)
@ConditionalOnThreading(Threading.PLATFORM)
public final class BetaPoolWebServerAutoConfiguration {

	@Bean(BetaPoolAutoConfiguration.WEB_SERVER_EXECUTOR_BEAN_NAME)
	BetaPoolTaskExecutor tomcat(BetaPoolExecutorFactory factory) {
		return factory.webServerExecutor();
	}

	@Bean
	TomcatProtocolHandlerCustomizer<ProtocolHandler> betaPoolProtocolHandlerCustomizer(
			@Qualifier(BetaPoolAutoConfiguration.WEB_SERVER_EXECUTOR_BEAN_NAME) BetaPoolTaskExecutor executor) {
		return (protocolHandler) -> protocolHandler.setExecutor(executor);
	}

}
