package io.betapool.sample.security;

import io.betapool.sample.ApiClient;
import io.betapool.sample.SampleAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who may change a pool through {@code POST /actuator/betapool/{name}}: nobody anonymous, no user
 * without the operator role, and a user with it; reads stay open to all.
 */
@SampleAppTest
class PoolWriteSecurityTests {

	static final String CHANGE = "{\"controller\": \"running\", \"maxWorkers\": 64}";

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void connect() {
		this.client = ApiClient.forPort(this.port);
	}

	@Test
	void refusesAnAnonymousWrite() {
		write(null, null).expectStatus().isUnauthorized().expectHeader().exists("WWW-Authenticate");
	}

	@Test
	void refusesAUserWithoutTheOperatorRole() {
		write("viewer", "viewer-password").expectStatus().isForbidden();
	}

	@Test
	void refusesAWrongPassword() {
		write("operator", "guess").expectStatus().isUnauthorized();
	}

	@Test
	void letsAnOperatorChangeThePool() {
		write("operator", "operator-password").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.executor.configuration.maxWorkers").isEqualTo(64)
			.jsonPath("$.executor.configuration.controller").isEqualTo("running");
	}

	@Test
	void keepsReadsAndThePageOpenWithoutLogin() {
		this.client.get().uri("/actuator/betapool").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/betapool/applicationTaskExecutor").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange().expectStatus().isOk();
		this.client.get().uri("/").exchange().expectStatus().isOk();
		this.client.get().uri("/history").exchange().expectStatus().isOk();
		this.client.get().uri("/load").exchange().expectStatus().isOk();
	}

	private RestTestClient.ResponseSpec write(String user, String password) {
		RestTestClient.RequestBodySpec request = this.client.post()
			.uri("/actuator/betapool/applicationTaskExecutor")
			.contentType(MediaType.APPLICATION_JSON);
		if (user != null) {
			request = request.headers((headers) -> headers.setBasicAuth(user, password));
		}
		return request.body(CHANGE).exchange();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Users {

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("operator").password("{noop}operator-password")
						.roles(SecurityConfiguration.OPERATOR_ROLE).build(),
					User.withUsername("viewer").password("{noop}viewer-password").roles("VIEWER").build());
		}

	}

}
