package io.wellgate.openapi;

import java.util.List;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is valid OpenAPI 3.1 (read back by swagger-parser with no
 * message), documents every REST endpoint with the bulk bodies and answers, and Swagger UI is
 * served with its own assets, nothing from another host.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiTests {

	static final List<String> ANALYTICS = List.of("/api/v1/analytics/wells/{well_id}/hourly",
			"/api/v1/analytics/wells/{well_id}/daily", "/api/v1/analytics/wells/{well_id}/performance",
			"/api/v1/analytics/diagnostics/summary", "/api/v1/analytics/wells/performance/all",
			"/api/v1/analytics/wells/ranking/efficiency", "/api/v1/analytics/wells/ranking/health");

	static final List<String> BULK = List.of("/api/v1/telemetry", "/api/v1/diagnostics", "/api/v1/wells");

	@LocalServerPort
	int port;

	@Test
	void theDocumentIsValidOpenApi31WithEveryRestEndpoint() {
		OpenAPI api = parse();

		assertThat(api.getOpenapi()).startsWith("3.1");
		assertThat(api.getPaths().keySet()).containsAll(ANALYTICS).containsAll(BULK);
		for (String path : ANALYTICS) {
			Operation get = api.getPaths().get(path).getGet();
			assertThat(get.getResponses()).as(path).containsKeys("200", "400");
		}
		assertThat(api.getPaths().get(ANALYTICS.get(0)).getGet().getResponses()).containsKey("404");
		assertThat(api.getPaths().get(ANALYTICS.get(0)).getGet().getParameters())
			.extracting(p -> p.getName())
			.contains("well_id", "hours", "from", "to");
	}

	@Test
	void theBulkEndpointsDocumentTheirBodiesFieldsRangesAndAnswers() {
		OpenAPI api = parse();

		for (String path : BULK) {
			Operation post = api.getPaths().get(path).getPost();
			assertThat(post.getRequestBody().getContent()).as(path).containsKeys("application/x-ndjson", "text/csv");
			assertThat(post.getResponses()).as(path).containsKeys("200", "400", "401", "413", "415");
			assertThat(post.getSecurity()).as(path).isNotEmpty();
		}
		Schema<?> sample = api.getPaths().get("/api/v1/telemetry").getPost().getRequestBody().getContent()
			.get("application/x-ndjson").getSchema();
		Schema<?> flowRate = sample.getProperties().get("flowRate");
		assertThat(flowRate.getMinimum()).isEqualByComparingTo("0");
		assertThat(flowRate.getMaximum()).isEqualByComparingTo("50000");
		assertThat(sample.getRequired()).containsExactlyInAnyOrder("wellId", "time");
		Schema<?> well = api.getPaths().get("/api/v1/wells").getPost().getRequestBody().getContent()
			.get("application/x-ndjson").getSchema();
		assertThat(well.getProperties()).containsKeys("id", "name", "field", "pumpModel", "installedAt");
		assertThat(well.getProperties().get("installedAt").getFormat()).isEqualTo("date");
		Schema<?> diagnostic = api.getPaths().get("/api/v1/diagnostics").getPost().getRequestBody().getContent()
			.get("application/x-ndjson").getSchema();
		assertThat(diagnostic.getProperties().get("severity").getEnum()).hasSize(4);
	}

	@Test
	void swaggerUiIsServedWithItsOwnAssets() {
		WellgateHttp http = new WellgateHttp(this.port);
		Response page = http.get("/swagger-ui/index.html");
		Response bundle = http.get("/swagger-ui/swagger-ui-bundle.js");
		Response config = http.get("/v3/api-docs/swagger-config");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).doesNotContain("http://", "https://");
		assertThat(bundle.status()).isEqualTo(200);
		assertThat(bundle.body().length()).isGreaterThan(100_000);
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.json().get("url").asString()).isEqualTo("/v3/api-docs");
	}

	private OpenAPI parse() {
		Response response = new WellgateHttp(this.port).get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIParser().readContents(response.body(), null, options);
		assertThat(result.getMessages()).as(response.body()).isEmpty();
		assertThat(result.getOpenAPI()).isNotNull();
		return result.getOpenAPI();
	}

}
