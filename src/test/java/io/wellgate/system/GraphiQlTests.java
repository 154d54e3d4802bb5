package io.wellgate.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.wellgate.WellgateHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL over real HTTP: the page and everything it loads come from the service itself (an
 * air-gapped network has no CDN), and it opens with the dashboards' operations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GraphiQlTests {

	private static final Pattern ASSET = Pattern.compile("<(?:script|link)\\b[^>]*?\\b(?:src|href)=\"([^\"]*)\"");

	private static final Pattern EXAMPLE = Pattern
		.compile("<script type=\"application/graphql\"[^>]*>(.*?)</script>", Pattern.DOTALL);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void pageIsServedAtEverySpelling() throws Exception {
		for (String path : List.of("/graphiql", "/graphiql/", "/graphiql/index.html")) {
			HttpResponse<String> page = get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
					type -> assertThat(type).startsWith("text/html"));
			assertThat(page.body()).as(path).contains("<div id=\"graphiql\">");
		}
	}

	@Test
	void pageLoadsNothingFromOutsideTheService() throws Exception {
		String page = get("/graphiql").body();
		assertThat(page).doesNotContain("://");
		List<String> assets = assets(page);
		assertThat(assets).hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy(url -> assertThat(url).startsWith("/").doesNotStartWith("//"));
	}

	@Test
	void everyAssetThePageNamesIsServed() throws Exception {
		for (String url : assets(get("/graphiql").body())) {
			HttpResponse<String> asset = get(url);
			assertThat(asset.statusCode()).as(url).isEqualTo(200);
			String type = asset.headers().firstValue("Content-Type").orElse("");
			if (url.endsWith(".css")) {
				assertThat(type).as(url).startsWith("text/css");
				// Fonts must be inlined too, not fetched from a font CDN.
				assertThat(asset.body()).as(url).doesNotContain("url(http", "url(//", "@import");
			}
			else {
				assertThat(type).as(url).matches("(text|application)/javascript.*");
			}
			assertThat(asset.body().length()).as(url).isGreaterThan(5_000);
		}
	}

	@Test
	void pageOpensWithTheDashboardOperationsAndAWrite() throws Exception {
		String page = get("/graphiql").body();
		assertThat(page).contains("well(id: \"demo-permian-01\")", "hourly(hours: 24)", "daily(days: 30)",
				"performance(hours: 24)", "diagnosticSummary(days: 7)", "wells(first: 100)",
				"performanceSummary(hours: 24)", "wellRanking(by: EFFICIENCY", "wellRanking(by: HEALTH",
				"ingestTelemetry(samples:", "Authorization");
		List<String> examples = EXAMPLE.matcher(page).results().map(result -> result.group(1)).toList();
		assertThat(examples).hasSize(11)
			.allSatisfy(example -> assertThat(Parser.parse(example).getDefinitions()).isNotEmpty());
		assertThat(page).contains("fields {", "latest {", "pumpModel", "installedAt");
	}

	@Test
	void everyReadingExampleRunsAgainstTheSchema() throws Exception {
		String page = get("/graphiql").body();
		WellgateHttp client = new WellgateHttp(this.port);
		for (String example : EXAMPLE.matcher(page).results().map(result -> result.group(1)).toList()) {
			if (example.contains("mutation")) {
				continue;
			}
			JsonNode response = client.graphql(example, Map.of(), null).json();
			assertThat(response.get("errors")).as(example + response).isNull();
		}
	}

	@Test
	void pageLinksTheOpenApiDocumentation() throws Exception {
		String page = get("/graphiql").body();
		assertThat(page).contains("href=\"/swagger-ui.html\"");
		assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
	}

	@Test
	void printedSchemaIsStillServed() throws Exception {
		HttpResponse<String> schema = get("/graphql/schema");
		assertThat(schema.statusCode()).isEqualTo(200);
		assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/plain"));
		assertThat(schema.body()).contains("type Query", "ingestTelemetry");
	}

	private List<String> assets(String page) {
		Matcher matcher = ASSET.matcher(page);
		return matcher.results().map(result -> result.group(1)).toList();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
