package io.wellgate.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.wellgate.WellgateHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (Debian's headless Chromium) against the service on real
 * PostgreSQL, over real sockets: what the fleet and well views show is what the API answers, and a
 * sample sent while a page is open appears on it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(Lifecycle.PER_CLASS)
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	private Chromium chromium;

	private WebDriver browser;

	private WellgateHttp http;

	private DashboardFleet fleet;

	@BeforeAll
	void startBrowser() throws Exception {
		this.chromium = Chromium.start(1366, 900);
		this.browser = this.chromium.driver();
		this.http = new WellgateHttp(this.port);
		this.fleet = DashboardFleet.write(this.http, Instant.now());
	}

	@AfterAll
	void stopBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@BeforeEach
	void freshSession() {
		this.browser.get(url("/actuator/health"));
		script("sessionStorage.clear()");
	}

	@Test
	void fleetViewRanksTheTestWellsByHealthThenByEfficiency() {
		open("/#/?window=24h");
		assertThat(rankedTestWells()).containsExactlyElementsOf(this.fleet.wells());
		assertThat(this.browser.findElement(By.tagName("caption")).getText()).contains("ranked by health over the last 24 h");

		new Select(this.browser.findElement(By.name("by"))).selectByValue("EFFICIENCY");
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("caption"), "ranked by efficiency"));
		List<String> byEfficiency = new ArrayList<>(this.fleet.wells());
		Collections.reverse(byEfficiency);
		assertThat(rankedTestWells()).containsExactlyElementsOf(byEfficiency);
		String best = this.fleet.wells().get(3);
		assertThat(this.browser.findElement(By.cssSelector("tr[data-well='" + best + "'] .score")).getText()).isEqualTo("70.0");
	}

	@Test
	void fleetViewFiltersByOilField() {
		open("/#/");
		new Select(this.browser.findElement(By.name("field"))).selectByValue(this.fleet.field(2));
		waitFor(ExpectedConditions.urlContains("field="));
		waitFor(driver -> rankedTestWells().size() == 2 ? true : null);
		assertThat(rankedTestWells()).containsExactly(this.fleet.wells().get(2), this.fleet.wells().get(3));
		assertThat(this.browser.findElements(By.cssSelector("tr[data-well]"))).hasSize(2);
	}

	@Test
	void wellViewShowsTheWellsMetadata() {
		open("/#/well/" + this.fleet.wells().get(3) + "?window=7d");
		assertThat(this.browser.findElement(By.cssSelector("dl.meta")).getText()).contains("REDA D403", "2024-04-15",
				this.fleet.field(3));
	}

	@Test
	void fleetViewFillsInEachWellsSparklineAndReading() {
		open("/#/");
		waitFor(ExpectedConditions.attributeToBe(By.id("view"), "data-series", "done"));
		String well = this.fleet.wells().get(0);
		WebElement spark = this.browser.findElement(By.cssSelector("tr[data-well='" + well + "'] svg.spark"));
		assertThat(spark.getAttribute("data-points")).isEqualTo(String.valueOf(DashboardFleet.HOURS));
		assertThat(spark.getAttribute("aria-label")).startsWith("Flow rate, hourly averages of the last 24 h: 20 hours");
		assertThat(this.browser.findElement(By.cssSelector("tr[data-well='" + well + "'] [data-reading]")).getText())
			.contains("bbl/d");
	}

	@Test
	void fleetViewLoadsWithAHandfulOfRequestsNotOnePerWell() {
		open("/#/");
		long wells = ((Number) script("return document.querySelectorAll('tr[data-well]').length")).longValue();
		assertThat(wells).isGreaterThanOrEqualTo(4);
		// the schema's capabilities, the batched fleet query and its 24 h series; then one subscription
		assertThat(((Number) script("return wellgateDashboard.firstLoadRequests")).intValue()).isEqualTo(3);
		waitFor(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
	}

	@Test
	void aWellViewLoadsWithOneRequestAndKeepsItselfLiveBySubscription() {
		open("/#/well/" + this.fleet.wells().get(0));
		waitFor(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
		// the capabilities were read by the page's first view; the well view is one query
		assertThat(((Number) script("return wellgateDashboard.firstLoadRequests")).intValue()).isEqualTo(2);
		open("/#/");
		script("location.hash = '#/well/" + this.fleet.wells().get(0) + "'");
		waitFor(driver -> "well".equals(script("return document.getElementById('view').dataset.view"))
				&& script("return document.querySelector('figure.chart')") != null ? true : null);
		assertThat(((Number) script("return wellgateDashboard.loadRequests")).intValue()).isEqualTo(1);
	}

	@Test
	void wellViewChartsHaveAPointPerHourlyBucket() {
		String well = this.fleet.wells().get(1);
		open("/#/well/" + well + "?window=24h");
		List<WebElement> figures = this.browser.findElements(By.cssSelector("figure.chart"));
		assertThat(figures).hasSize(7);
		for (WebElement figure : figures) {
			String metric = figure.getAttribute("data-metric");
			Number drawn = (Number) script(
					"return document.querySelector(\"figure[data-metric='" + metric + "'] .plot\").chart.data[0].length");
			assertThat(drawn.intValue()).as(metric).isEqualTo(DashboardFleet.HOURS);
			assertThat(figure.getAttribute("data-points")).as(metric).isEqualTo(String.valueOf(DashboardFleet.HOURS));
		}
		assertThat(this.browser.findElement(By.cssSelector("[data-summary='efficiency']")).getText()).isEqualTo("50.0");
	}

	@Test
	void aSampleSentWhileTheWellViewIsOpenAppearsOnIt() {
		String well = this.fleet.wells().get(2);
		open("/#/well/" + well + "?window=24h");
		// pushed over the wellChanged subscription, not polled
		waitFor(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
		assertThat(this.browser.findElements(By.cssSelector("[data-reading][data-flow='1234.5']"))).isEmpty();

		this.fleet.sendLiveSample(this.http, well, 1234.5, Instant.now());

		new WebDriverWait(this.browser, Duration.ofSeconds(3))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-reading][data-flow='1234.5']")));
	}

	@Test
	void anUnknownWellSaysSo() {
		open("/#/well/no-such-well-" + System.nanoTime());
		assertThat(this.browser.findElement(By.cssSelector("main .error")).getText()).contains("No well with the id");
	}

	@Test
	void anApiErrorIsShownNamingTheArgument() {
		String well = this.fleet.wells().get(0);
		open("/#/well/" + well + "?window=custom&from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z");
		WebElement notice = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		assertThat(notice.getText()).contains("The API reported errors", "the window may span at most 90 days [argument to]",
				"well.hourly", "well.daily");
		assertThat(this.browser.findElements(By.cssSelector("main .error"))).isEmpty();
	}

	// Read in one script, so a re-render between two element lookups cannot leave a stale one.
	@SuppressWarnings("unchecked")
	private List<String> rankedTestWells() {
		List<String> rows = (List<String>) script(
				"return [...document.querySelectorAll('tr[data-well]')].map(row => row.dataset.well)");
		return rows.stream().filter(this.fleet.wells()::contains).toList();
	}

	private void open(String path) {
		open(path, "");
	}

	/** Opens a view (settings such as ?refresh=1 go before the hash) and waits for its first render or failure. */
	private void open(String hashPath, String settings) {
		String target = hashPath.replaceFirst("^/", "/" + settings);
		this.browser.get(url("/actuator/health"));
		this.browser.get(url(target));
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until(driver -> script(
				"const m = document.getElementById('view'); return m.dataset.rendered || m.dataset.failed || document.getElementById('notice').hidden === false ? true : null") != null);
	}

	private <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(20)).until(condition);
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
