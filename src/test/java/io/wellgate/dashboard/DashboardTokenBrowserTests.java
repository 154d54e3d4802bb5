package io.wellgate.dashboard;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.wellgate.WellgateHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard where reads need a token ({@code wellgate.security.read-access=token}): it asks
 * for one, says clearly when the service refuses it, and keeps a good one for the tab's session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "wellgate.security.read-access=token")
class DashboardTokenBrowserTests {

	@LocalServerPort
	int port;

	private Chromium chromium;

	@AfterEach
	void stopBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void aMissingThenABadTokenIsRefusedWithItsMessageAndAGoodOneOpensTheFleet() throws Exception {
		int anonymous = new WellgateHttp(this.port).graphql("{ __typename }", java.util.Map.of(), null).status();
		assumeTrue(anonymous == 401, "this build serves reads without a token whatever read-access says");
		this.chromium = Chromium.start(1280, 900);
		WebDriver browser = this.chromium.driver();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		browser.get("http://127.0.0.1:" + this.port + "/");
		WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		assertThat(notice.getText()).contains("needs a token to read (401)");
		assertThat(browser.findElement(By.id("token-dialog")).isDisplayed()).isTrue();

		enterToken(browser, "not-a-key-of-this-service");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "The token was refused (401)"));
		assertThat(browser.findElement(By.id("token-message")).getText()).contains("The token was refused (401)");
		assertThat(browser.findElements(By.cssSelector("tr[data-well]"))).isEmpty();

		enterToken(browser, WellgateHttp.TOKEN);
		wait.until(driver -> ((JavascriptExecutor) driver).executeScript("""
				return document.getElementById('view').dataset.rendered || !document.getElementById('notice').hidden""")
				.equals(Boolean.FALSE) ? null : true);
		assertThat(browser.findElement(By.id("notice")).isDisplayed()).as(browser.findElement(By.id("notice")).getText()).isFalse();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fleet");
		assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('wellgate.token')"))
			.isEqualTo(WellgateHttp.TOKEN);
		assertThat(((JavascriptExecutor) browser).executeScript("return localStorage.length")).isEqualTo(0L);
	}

	private static void enterToken(WebDriver browser, String token) {
		WebElement input = new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
		input.clear();
		input.sendKeys(token);
		browser.findElement(By.cssSelector("#token-form button[value='save']")).click();
	}

}
