package io.wellgate.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A small tool against a running wellgate (not a test): takes the README's screenshots of both
 * views, and measures the fleet view's first render in headless Chromium. Run it with the test
 * classpath:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.wellgate.dashboard.DashboardTool screenshots http://localhost:8080 docs
 * java -cp ... io.wellgate.dashboard.DashboardTool measure http://localhost:8080 10
 * </pre>
 *
 * The page records {@code performance.now()} (ms since navigation started) when a view's first
 * render is done; the figure includes loading the page, its modules, the schema's capabilities and
 * the fleet query.
 */
public final class DashboardTool {

	private DashboardTool() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[1];
		if (args[0].equals("screenshots")) {
			Path docs = Path.of(args[2]);
			Files.createDirectories(docs);
			shoot(base + "/#/", 1366, 1100, docs.resolve("dashboard-fleet.png"));
			shoot(base + "/#/well/demo-permian-01?window=7d", 1366, 2000, docs.resolve("dashboard-well.png"));
			shoot(base + "/#/", 820, 1100, docs.resolve("dashboard-fleet-tablet.png"));
		}
		else {
			measure(base, Integer.parseInt(args[2]));
		}
	}

	private static void shoot(String url, int width, int height, Path file) throws Exception {
		try (Chromium chromium = new Chromium(width, height)) {
			ChromeDriver browser = chromium.driver();
			browser.get(url);
			awaitRender(browser);
			Thread.sleep(500); // the charts' resize settles after the first frame
			Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
			System.out.println("wrote " + file);
		}
	}

	private static void measure(String base, int runs) throws Exception {
		List<Double> ranking = new ArrayList<>();
		List<Double> complete = new ArrayList<>();
		List<Double> warmRanking = new ArrayList<>();
		List<Double> warmComplete = new ArrayList<>();
		long rows = 0;
		long requests = 0;
		for (int run = 0; run < runs; run++) {
			try (Chromium chromium = new Chromium(1366, 900)) {
				ChromeDriver browser = chromium.driver();
				for (int visit = 0; visit < 3; visit++) {
					browser.get(base + "/actuator/health");
					browser.get(base + "/#/");
					awaitRender(browser);
					new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> ((JavascriptExecutor) driver)
						.executeScript("return wellgateDashboard.firstSeriesMs") != null);
					JavascriptExecutor js = browser;
					(visit == 0 ? ranking : warmRanking).add(((Number) js.executeScript("return wellgateDashboard.firstRenderMs")).doubleValue());
					(visit == 0 ? complete : warmComplete).add(((Number) js.executeScript("return wellgateDashboard.firstSeriesMs")).doubleValue());
					rows = ((Number) js.executeScript("return document.querySelectorAll('tr[data-well]').length")).longValue();
					if (Boolean.getBoolean("dashboard.timeline")) {
						System.out.println(js.executeScript("""
								return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
								  .map(e => `${e.name.replace(location.origin, '')} ${e.startTime.toFixed(0)}..${e.responseEnd.toFixed(0)}`).join('\\n')
								  + `\\nranking ${wellgateDashboard.firstRenderMs.toFixed(0)} series ${wellgateDashboard.firstSeriesMs.toFixed(0)}`"""));
					}
					requests = ((Number) js.executeScript("return wellgateDashboard.firstLoadRequests")).longValue();
				}
			}
		}
		System.out.printf("fleet view, %d wells ranked, %d requests (ms since navigation start, p50 / max):%n", rows, requests);
		System.out.printf("  new browser:   ranking rendered %.0f / %.0f, sparklines filled %.0f / %.0f (n=%d)%n", p50(ranking),
				max(ranking), p50(complete), max(complete), ranking.size());
		System.out.printf("  cached assets: ranking rendered %.0f / %.0f, sparklines filled %.0f / %.0f (n=%d)%n", p50(warmRanking),
				max(warmRanking), p50(warmComplete), max(warmComplete), warmRanking.size());
	}

	private static void awaitRender(ChromeDriver browser) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> ((JavascriptExecutor) driver)
			.executeScript("return window.wellgateDashboard && wellgateDashboard.firstRenderMs") != null);
	}

	private static double p50(List<Double> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	private static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

}
