package io.wellgate.access;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.wellgate.WellgateHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.NestedTestConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security records no observations of its own unless asked to, and every request is timed
 * either way ({@code http.server.requests}); read from the service's Prometheus scrape over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityObservationsTests {

	@LocalServerPort
	int port;

	@Test
	void byDefaultOnlyTheRequestIsObserved() {
		String scrape = scrapeAfterARead(this.port);

		assertThat(scrape).contains("http_server_requests_seconds_count").contains("uri=\"/graphql\"");
		assertThat(scrape).doesNotContain("spring_security_");
	}

	static String scrapeAfterARead(int port) {
		WellgateHttp http = new WellgateHttp(port);
		WellgateHttp.Response read = http.graphql("{ __typename }", Map.of(), null);
		assertThat(read.status()).isEqualTo(200);
		return http.get("/actuator/prometheus").body();
	}

	@Nested
	@NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "wellgate.security.observations=true")
	class WhenTurnedOn {

		@LocalServerPort
		int port;

		@Test
		void theAuthorizationsAreObservedToo() {
			String scrape = scrapeAfterARead(this.port);

			assertThat(scrape).contains("http_server_requests_seconds_count")
				.contains("spring_security_authorizations_seconds_count");
		}

	}

}
