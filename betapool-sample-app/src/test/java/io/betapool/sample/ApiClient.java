package io.betapool.sample;

import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A client of the application under test.
 */
public final class ApiClient {

	private ApiClient() {
	}

	/**
	 * A client of the server listening on {@code port} of this machine.
	 */
	public static RestTestClient forPort(int port) {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

}
