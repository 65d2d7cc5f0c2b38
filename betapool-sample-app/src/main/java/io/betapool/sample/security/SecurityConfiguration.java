package io.betapool.sample.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Secures the one write the application allows on its pools: {@code POST /actuator/betapool/{name}}
 * needs an authenticated user with the role {@value #OPERATOR_ROLE} (HTTP Basic). Reading the endpoint,
 * the metrics, the page and the demo API need no login.
 *
 * <p>The user comes from {@code spring.security.user.*}: {@code application.yml} names it
 * {@code operator} with the operator role; its password is {@code spring.security.user.password}
 * (for example the environment variable {@code SPRING_SECURITY_USER_PASSWORD}), or, when unset, one that
 * Spring Boot generates and logs at startup. Sessions are not kept and CSRF tokens are not used: every
 * write carries its credentials, as a script or {@code curl} sends them.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** The role, without Spring Security's {@code ROLE_} prefix, that may change the pools. */
	public static final String OPERATOR_ROLE = "BETAPOOL_OPERATOR";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, "/actuator/betapool", "/actuator/betapool/**")
				.hasRole(OPERATOR_ROLE)
				.requestMatchers(HttpMethod.DELETE, "/actuator/betapool", "/actuator/betapool/**")
				.hasRole(OPERATOR_ROLE)
				.anyRequest()
				.permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

}
