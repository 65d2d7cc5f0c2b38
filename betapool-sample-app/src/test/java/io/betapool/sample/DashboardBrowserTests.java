package io.betapool.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the dashboard in headless Chromium while the demo plan runs, waits for live data and saves a
 * screenshot to {@code target/dashboard.png}.
 *
 * <p>Uses the system's {@code chromium} and {@code chromedriver} (system properties {@code chromium.binary}
 * and {@code chromedriver.binary} override their paths); without them the test is skipped, except on
 * CI, where it fails. With {@code -Ddashboard.screenshot-phase=idle} it waits until the demo reaches
 * that phase (of the cycle {@code -Ddashboard.screenshot-cycle}, 1 by default) before the screenshot, so
 * that the picture shows the pool growing and shrinking.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DashboardBrowserTests {

	static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

	static final Duration LIVE_DATA_TIMEOUT = Duration.ofSeconds(60);

	static final Duration PHASE_TIMEOUT = Duration.ofSeconds(300);

	static final List<String> CHARTS = List.of("chart-threads", "chart-beta", "chart-throughput", "chart-latency");

	@LocalServerPort
	int port;

	@TempDir
	Path profile;

	ChromeDriverService service;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		assumeTrue(installed || "true".equals(System.getenv("CI")),
				"Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER);
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profile, "--window-size=1440,1480");
		this.browser = new ChromeDriver(this.service, options);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.service != null) {
			this.service.stop();
		}
	}

	@Test
	void showsThePoolAdaptingLive() throws IOException {
		this.browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(this.browser, LIVE_DATA_TIMEOUT);
		for (String chart : CHARTS) {
			wait.withMessage(() -> chart + " has no plotted points").until((page) -> plottedPoints(page, chart) > 1);
		}
		wait.withMessage("the decision log is empty")
			.until((page) -> attribute(page, By.id("decision-log"), "data-entries") > 0);
		wait.withMessage("the controller has not acted yet")
			.until((page) -> !page.findElements(By.cssSelector("#decision-log tbody tr:not(.HOLD)")).isEmpty());
		wait.withMessage("the Every pool panel lists fewer than three executors")
			.until((page) -> attribute(page, By.id("executor-table"), "data-rows") >= 3);
		String phase = System.getProperty("dashboard.screenshot-phase");
		if (phase != null && !phase.isBlank()) {
			String cycle = System.getProperty("dashboard.screenshot-cycle", "1");
			new WebDriverWait(this.browser, PHASE_TIMEOUT).withMessage("the demo never reached phase " + phase)
				.until((page) -> {
					WebElement current = page.findElement(By.id("phase-name"));
					return phase.equals(current.getText()) && cycle.equals(current.getDomAttribute("data-cycle"));
				});
		}

		assertThat(this.browser.findElement(By.id("connection")).getDomAttribute("data-state")).isEqualTo("live");
		assertThat(this.browser.findElement(By.id("phase-name")).getText()).isNotBlank().isNotEqualTo("no load");
		assertThat(this.browser.findElements(By.cssSelector("#phase-plan li"))).hasSizeGreaterThanOrEqualTo(4);
		assertThat(this.browser.findElement(By.cssSelector("#decision-log tbody tr:not(.HOLD) .action")).getText())
			.isIn("SCALE UP", "SCALE DOWN", "VETO");
		for (String chart : CHARTS) {
			assertThat(plottedPoints(this.browser, chart)).as(chart).isGreaterThan(1);
		}
		assertThat(this.browser.findElement(By.id("executor-table")).getDomAttribute("data-executors"))
			.contains("applicationTaskExecutor", "audit", "tomcat");

		Path screenshot = Path.of("target", "dashboard.png");
		Files.createDirectories(screenshot.getParent());
		Path taken = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(taken, screenshot, StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.size(screenshot)).isPositive();
	}

	private static int plottedPoints(WebDriver page, String chart) {
		return attribute(page, By.id(chart), "data-points");
	}

	private static int attribute(WebDriver page, By locator, String name) {
		String value = page.findElement(locator).getDomAttribute(name);
		return (value != null) ? Integer.parseInt(value) : 0;
	}

}
