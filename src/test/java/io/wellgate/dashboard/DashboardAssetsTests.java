package io.wellgate.dashboard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.wellgate.WellgateHttp;
import io.wellgate.WellgateHttp.Response;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard over real HTTP: it is the page at {@code /}, and everything it loads, the modules
 * it imports included, comes from the service (an air-gapped oilfield network has no CDN).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardAssetsTests {

	private static final Pattern PAGE_ASSET = Pattern.compile("<(?:script|link)\\b[^>]*?\\b(?:src|href)=\"([^\"]*)\"");

	private static final Pattern IMPORT = Pattern.compile("^import\\b[^;]*?from\\s+'([^']+)'", Pattern.MULTILINE);

	@LocalServerPort
	int port;

	@Test
	void theDashboardIsThePageAtTheRootAndGraphiQlStaysAtItsPath() {
		WellgateHttp http = new WellgateHttp(this.port);
		Response root = http.get("/");
		assertThat(root.status()).isEqualTo(200);
		assertThat(root.contentType()).startsWith("text/html");
		assertThat(root.body()).contains("<main id=\"view\"", "/dashboard/app.js");
		assertThat(http.get("/graphiql").body()).contains("<div id=\"graphiql\">");
	}

	@Test
	void everyAssetAndModuleComesFromTheService() {
		WellgateHttp http = new WellgateHttp(this.port);
		String page = http.get("/").body();
		assertThat(page).doesNotContain("://");
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> pending = new ArrayDeque<>(PAGE_ASSET.matcher(page).results().map(m -> m.group(1)).toList());
		while (!pending.isEmpty()) {
			String url = pending.pop();
			if (!seen.add(url)) {
				continue;
			}
			assertThat(url).as("asset path").startsWith("/").doesNotStartWith("//");
			Response asset = http.get(url);
			assertThat(asset.status()).as(url).isEqualTo(200);
			if (url.endsWith(".css")) {
				assertThat(asset.contentType()).as(url).startsWith("text/css");
				assertThat(asset.body()).as(url).doesNotContain("url(http", "url(//", "@import");
			}
			else {
				assertThat(asset.contentType()).as(url).matches("(text|application)/javascript.*");
				IMPORT.matcher(asset.body()).results().map(m -> resolve(url, m.group(1))).forEach(pending::add);
			}
			if (url.startsWith("/dashboard/")) {
				assertThat(asset.body()).as(url).doesNotContain("://");
			}
		}
		assertThat(seen).contains("/dashboard/app.js", "/dashboard/api.js", "/dashboard/live.js", "/dashboard/fleet.js",
				"/dashboard/well.js", "/dashboard/dashboard.css", "/webjars/uplot/1.6.30/dist/uPlot.esm.js",
				"/webjars/uplot/1.6.30/dist/uPlot.min.css");
	}

	private static String resolve(String from, String target) {
		if (target.startsWith("./")) {
			return from.substring(0, from.lastIndexOf('/') + 1) + target.substring(2);
		}
		return target;
	}

}
