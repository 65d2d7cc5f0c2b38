package io.betapool.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the dashboard in headless Chromium while the demo plan runs, waits for live data and saves a
 * screenshot to {@code target/dashboard.png}. It checks what a reader sees: the charts drawn from the
 * application's history within two seconds of opening, tick labels that do not repeat, no two visible
 * elements on top of each other, and β written as β even in upper-case labels.
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

	/**
	 * Widths either side of the page's one-column breakpoint (1100 px), then the width of the screenshot;
	 * layout is computed afresh when the overlap script reads the boxes.
	 */
	static final List<Dimension> WINDOW_SIZES = List.of(new Dimension(1120, 1480), new Dimension(1000, 1480),
			new Dimension(1440, 1480));

	/** Whether every chart has been redrawn to the width of its box after a resize of the window. */
	static final String CHARTS_FIT_SCRIPT = """
			return [...document.querySelectorAll(".chart .plot")].every((plot) => {
				const chart = plot.querySelector(".uplot");
				return chart !== null && Math.abs(chart.getBoundingClientRect().width - Math.max(300, plot.clientWidth)) < 2;
			});
			""";

	static final Duration HISTORY_DRAWN_WITHIN = Duration.ofSeconds(2);

	static final int HISTORY_SAMPLES = 10;

	/**
	 * Pairs of visible elements whose boxes intersect, neither inside the other. An element counts with
	 * the boxes of its own text (so that text overflowing its element counts where it is drawn), or its
	 * whole box for a canvas, image or form control; each box is clipped by the ancestors that clip.
	 */
	static final String OVERLAPS_SCRIPT = """
			const visible = (el) => {
				const style = getComputedStyle(el);
				return style.display !== "none" && style.visibility === "visible" && Number(style.opacity) > 0;
			};
			const clipped = (el, box) => {
				for (let a = el; a && a !== document.body; a = a.parentElement) {
					const style = getComputedStyle(a);
					if (style.overflowX !== "visible" || style.overflowY !== "visible") {
						const r = a.getBoundingClientRect();
						box = { l: Math.max(box.l, r.left), t: Math.max(box.t, r.top),
							r: Math.min(box.r, r.right), b: Math.min(box.b, r.bottom) };
					}
				}
				return box;
			};
			const boxesOf = (el) => {
				const boxes = [];
				if (["CANVAS", "IMG", "INPUT", "SELECT", "BUTTON", "TEXTAREA"].includes(el.tagName)) {
					const r = el.getBoundingClientRect();
					boxes.push({ l: r.left, t: r.top, r: r.right, b: r.bottom });
				}
				for (const node of el.childNodes) {
					if (node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== "") {
						const range = document.createRange();
						range.selectNodeContents(node);
						for (const r of range.getClientRects()) {
							boxes.push({ l: r.left, t: r.top, r: r.right, b: r.bottom });
						}
					}
				}
				return boxes.map((box) => clipped(el, box)).filter((box) => box.r - box.l > 1 && box.b - box.t > 1);
			};
			const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
				+ (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "")
				+ " '" + (el.textContent || "").trim().slice(0, 30) + "'";
			const items = [];
			for (const el of document.body.querySelectorAll("*")) {
				if (el.closest("script, style") || !visible(el)) {
					continue;
				}
				const boxes = boxesOf(el);
				if (boxes.length > 0) {
					items.push({ el, boxes });
				}
			}
			const overlaps = [];
			for (let i = 0; i < items.length; i++) {
				for (let j = i + 1; j < items.length; j++) {
					const a = items[i], b = items[j];
					if (a.el.contains(b.el) || b.el.contains(a.el)) {
						continue;
					}
					const hit = a.boxes.some((p) => b.boxes.some((q) =>
						Math.min(p.r, q.r) - Math.max(p.l, q.l) > 1 && Math.min(p.b, q.b) - Math.max(p.t, q.t) > 1));
					if (hit) {
						overlaps.push(name(a.el) + " overlaps " + name(b.el));
					}
				}
			}
			return overlaps;
			""";

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
		RestTestClient client = ApiClient.forPort(this.port);
		await().atMost(LIVE_DATA_TIMEOUT).until(() -> historySamples(client) >= HISTORY_SAMPLES);
		this.browser.get("http://localhost:" + this.port + "/");
		for (String chart : CHARTS) {
			new WebDriverWait(this.browser, HISTORY_DRAWN_WITHIN)
				.withMessage(() -> chart + " did not draw the history within " + HISTORY_DRAWN_WITHIN)
				.until((page) -> plottedPoints(page, chart) >= HISTORY_SAMPLES);
		}
		WebDriverWait wait = new WebDriverWait(this.browser, LIVE_DATA_TIMEOUT);
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

		wait.withMessage("no advice on the application's own pool")
			.until((page) -> attribute(page, By.id("advice-list"), "data-entries") > 0);
		// the list is redrawn every second: read its text in one script rather than through an element
		String advice = (String) ((JavascriptExecutor) this.browser).executeScript(
				"const item = document.querySelector(\"#advice-list li[data-pool='journalExecutor']\");"
						+ " return item === null ? null : item.innerText;");
		assertThat(advice).contains("journalExecutor runs 8 threads").contains("would run");
		assertThat(this.browser.findElement(By.id("connection")).getDomAttribute("data-state")).isEqualTo("live");
		assertThat(this.browser.findElement(By.id("phase-name")).getText()).isNotBlank().isNotEqualTo("no load");
		assertThat(this.browser.findElements(By.cssSelector("#phase-plan li"))).hasSizeGreaterThanOrEqualTo(4);
		assertThat(this.browser.findElement(By.cssSelector("#decision-log tbody tr:not(.HOLD) .action")).getText())
			.isIn("SCALE UP", "SCALE DOWN", "VETO");
		for (String chart : CHARTS) {
			assertThat(plottedPoints(this.browser, chart)).as(chart).isGreaterThan(1);
			for (String axis : List.of("data-x-ticks", "data-y-ticks")) {
				List<String> labels = tickLabels(chart, axis);
				assertThat(labels).as(chart + " " + axis).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
			}
		}
		for (Dimension size : WINDOW_SIZES) {
			this.browser.manage().window().setSize(size);
			new WebDriverWait(this.browser, LIVE_DATA_TIMEOUT).withMessage("the charts did not fit the page at " + size)
				.until((page) -> (Boolean) ((JavascriptExecutor) page).executeScript(CHARTS_FIT_SCRIPT));
			assertThat(overlaps()).as("visible elements on top of each other at " + size).isEmpty();
		}
		String text = this.browser.findElement(By.tagName("body")).getText();
		assertThat(text).as("an upper-case beta, which reads as a Latin B").doesNotContain("\u0392");
		assertThat(this.browser.findElement(By.cssSelector(".tile .label:has(.symbol)")).getText())
			.isEqualTo("BLOCKING RATIO β");
		assertThat(this.browser.findElement(By.id("executor-table")).getDomAttribute("data-executors"))
			.contains("applicationTaskExecutor", "audit", "tomcat");

		Path screenshot = Path.of("target", "dashboard.png");
		Files.createDirectories(screenshot.getParent());
		Path taken = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(taken, screenshot, StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.size(screenshot)).isPositive();
	}

	@SuppressWarnings("unchecked")
	private List<String> overlaps() {
		return (List<String>) ((JavascriptExecutor) this.browser).executeScript(OVERLAPS_SCRIPT);
	}

	private List<String> tickLabels(String chart, String axis) {
		String json = this.browser.findElement(By.id(chart)).getDomAttribute(axis);
		assertThat(json).as(chart + " " + axis).isNotNull();
		List<?> labels = JsonMapper.builder().build().readValue(json, List.class);
		return labels.stream().map(String::valueOf).toList();
	}

	/**
	 * Samples of the history in which the pool had run tasks, so that every chart has a value to draw.
	 */
	private static long historySamples(RestTestClient client) {
		Map<?, ?> history = client.get().uri("/history").exchange().expectStatus().isOk()
			.returnResult(Map.class)
			.getResponseBody();
		if (history == null) {
			return 0;
		}
		return ((List<?>) history.get("samples")).stream()
			.map((sample) -> (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) sample).get("executors")).get("applicationTaskExecutor"))
			.filter((pool) -> pool != null && pool.get("avgBlockingRatio") != null)
			.count();
	}

	private static int plottedPoints(WebDriver page, String chart) {
		return attribute(page, By.id(chart), "data-points");
	}

	private static int attribute(WebDriver page, By locator, String name) {
		String value = page.findElement(locator).getDomAttribute(name);
		return (value != null) ? Integer.parseInt(value) : 0;
	}

}
