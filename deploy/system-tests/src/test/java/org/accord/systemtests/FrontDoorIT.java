package org.accord.systemtests;

import static org.accord.systemtests.api.AccordApi.body;
import static org.accord.systemtests.api.AccordApi.editor;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.accord.http.client.Chromium;
import org.accord.systemtests.api.Reply;
import org.accord.systemtests.checks.Links;
import org.accord.systemtests.checks.SseListener;
import org.accord.systemtests.workflow.ProposalRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The front door as users and clients meet it: the observer page at the gateway's documented
 * address in headless Chromium (list, a standard published while the page is open, detail,
 * edition, text, a phone-sized screen, no console errors), and every link the gateway's answers
 * give (feeds, JSON views, SSE, {@code Location}, problem {@code instance}) followed through it,
 * also behind another proxy. First of the scenarios: the page is opened on a stack where nothing
 * is published yet. Screenshots are kept in {@code target/front-door/}.
 */
@Order(0)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontDoorIT extends SystemTest {

    static final Path SCREENSHOTS = Path.of("target", "front-door");
    static final Duration WAIT = Duration.ofSeconds(60);

    private static Chromium chromium;
    private static WebDriver browser;
    /** The standard the browser scenario published; the link scenarios read it. */
    private static ProposalRun published;

    @Test
    @Order(1)
    void shouldShowTheObserverPageThroughTheGatewayAndAddAStandardPublishedWhileItIsOpen() throws IOException {
        startBrowser();
        long before = api.getAnonymous("/api/standards", null).requireStatus(200).json().path("total").asLong();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(api.base() + "/observer/");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        if (before == 0) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
            assertThat(browser.findElement(By.id("empty")).getText()).startsWith("Nothing is published yet");
            assertThat(browser.findElement(By.id("standards")).isDisplayed()).isFalse();
            screenshot("1-empty-1280.png");
        }
        Object loadedAt = script("return window.accordObserver.loadedAt");

        ProposalRun run = newRun("observer");
        workflow.submit(run, org.accord.systemtests.workflow.Workflow.draft(run.name));
        workflow.voteAll(run, workflow.requestBallot(run, "DIS", "ISO_ENQUIRY_APPROVAL", Instant.now().plus(Duration.ofMinutes(5))),
                mb -> "APPROVE");
        workflow.awaitStage(run, "40.99", STEP);
        workflow.skipFinalBallot(run);
        ProposalRun.Edition edition = workflow.awaitPublished(run, STEP);
        published = run;

        By row = By.cssSelector("#standards tbody tr[data-designation='" + edition.designation() + "']");
        WebElement added = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(added.getAttribute("class")).contains("new");
        assertThat(script("return window.accordObserver.loadedAt")).as("added live, without a reload").isEqualTo(loadedAt);
        assertThat(browser.findElement(By.id("empty")).isDisplayed()).isFalse();

        added.click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-designation"), edition.designation()));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#text h1#clause-1"), "1 Scope"));
        wait.until(ExpectedConditions.attributeToBe(By.id("verification"), "class", "valid"));
        WebElement editionButton = browser.findElement(By.cssSelector("#editions li[data-designation='" + edition.designation()
                + "'] button"));
        editionButton.click();
        wait.until(d -> d.getCurrentUrl().endsWith("#" + edition.slug() + "@1"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#text h1#clause-1"), "1 Scope"));
        assertThat(browser.getCurrentUrl()).startsWith(api.base() + "/observer/");
        assertThat(browser.findElement(By.id("problem")).isDisplayed()).isFalse();

        // At 1280 px the table and the detail sit side by side and do not overlap.
        Map<?, ?> table = rect("#standards");
        Map<?, ?> detail = rect("#detail");
        assertThat(number(table, "right")).as("table %s against detail %s", table, detail).isLessThanOrEqualTo(number(detail, "left"));
        assertNothingCutOff(1280);
        assertNoWordSplitInTheTable();
        screenshot("2-detail-1280.png");

        // At 390 px (a phone) every cell of the table stays on the screen: nothing is cut off or scrolled away.
        // A phone's viewport, as Chromium's device emulation gives it (a desktop window has a minimum width).
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        wait.until(d -> ((Number) script("return document.documentElement.clientWidth")).intValue() == 390);
        assertNothingCutOff(((Number) script("return document.documentElement.clientWidth")).intValue());
        List<WebElement> cells = added.findElements(By.tagName("td"));
        assertThat(cells).hasSize(6);
        for (WebElement cell : cells) {
            assertThat(cell.isDisplayed()).isTrue();
        }
        assertThat(cells.get(0).getText()).contains(edition.designation());
        screenshot("3-list-390.png");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('detail').scrollIntoView()");
        screenshot("4-detail-390.png");

        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        assertThat(errors).as("the browser console").isEmpty();
    }

    @Test
    @Order(2)
    void shouldGiveOnlyLinksThatWorkThroughTheGatewayInFeedsJsonViewsAndTheEventStream() {
        ensurePublished();
        List<String> links = new ArrayList<>();
        String atom = api.getAnonymous("/feeds/atom", "application/atom+xml").requireStatus(200).text();
        links.addAll(Links.ofAtom(atom));
        JsonNode jsonFeed = api.getAnonymous("/feeds/json", "application/feed+json").requireStatus(200).json();
        links.addAll(Links.ofJson(jsonFeed));
        JsonNode standards = api.getAnonymous("/api/standards", null).requireStatus(200).json();
        links.addAll(Links.ofJson(standards));
        String slug = published.edition().orElseThrow().slug();
        links.addAll(Links.ofJson(api.getAnonymous("/api/standards/" + slug, null).requireStatus(200).json()));
        links.addAll(Links.ofJson(api.getAnonymous("/api/standards/" + slug + "/editions", null).requireStatus(200).json()));
        // Resumed from the start, the stream replays what was published, each event with its links.
        try (SseListener sse = SseListener.subscribe(java.net.http.HttpClient.newHttpClient(), api.base() + "/feeds/sse", "0")) {
            SseListener.Event event = sse.await(e -> e.data().path("slug").asString().equals(slug), Duration.ofSeconds(30));
            links.addAll(Links.ofJson(event.data()));
        }

        assertThat(links).as("links given").hasSizeGreaterThan(10)
                .contains(api.base() + "/api/feeds/json?page=1", api.base() + "/api/observer/",
                        api.base() + "/api/standards/" + slug + "/text.html");
        assertThat(atom).contains("href=\"" + api.base() + "/api/feeds/atom?page=1\"");
        assertThat(Links.broken(api, links)).as("links that do not work").isEmpty();
    }

    @Test
    @Order(3)
    void shouldAnswerACreationWithALocationAndAProblemWithAnInstanceThatNameTheGateway() {
        byte[] submission = org.accord.events.AccordJson.mapper().writeValueAsBytes(body("committee", "ACC/TC 1",
                "title", "Front door location check " + Instant.now().toEpochMilli(), "scope", "Where a new proposal is",
                "text", "# 1 Scope\n\nThis document checks addresses."));
        Reply created = api.exchange("POST", "/api/proposals", editor(), "application/json", submission, Map.of());
        created.requireStatus(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(api.base() + "/api/proposals/");
        JsonNode proposal = api.get(editor(), location.substring(api.base().length())).requireStatus(200).json();
        assertThat(proposal.path("id").asString()).isEqualTo(created.json().path("id").asString());

        Reply missing = api.get(editor(), "/api/proposals/no-such-proposal");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("instance").asString()).isEqualTo("/api/proposals/no-such-proposal");
    }

    @Test
    @Order(4)
    void shouldFollowTheAddressOfAProxyInFrontOfTheGateway() {
        ensurePublished();
        String outside = "https://standards.example.org/accord";
        Map<String, String> proxy = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "standards.example.org",
                "X-Forwarded-Prefix", "/accord", "Accept", "application/feed+json");
        JsonNode feed = api.exchange("GET", "/feeds/json", null, null, null, proxy).requireStatus(200).json();
        JsonNode standards = api.exchange("GET", "/api/standards", null, null, null,
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "standards.example.org", "X-Forwarded-Prefix", "/accord"))
                .requireStatus(200).json();
        List<String> links = new ArrayList<>(Links.ofJson(feed));
        links.addAll(Links.ofJson(standards));
        assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link).startsWith(outside + "/api/"));
        // What the proxy would forward to the gateway: the same paths without its prefix.
        List<String> asTheProxyForwards = links.stream().map(link -> api.base() + link.substring(outside.length())).toList();
        assertThat(Links.broken(api, asTheProxyForwards)).isEmpty();
        String page = api.exchange("GET", "/observer/", null, null, null, Map.of("X-Forwarded-Prefix", "/accord", "Accept", "text/html"))
                .requireStatus(200).text();
        assertThat(page).contains("<meta name=\"accord-api\" content=\"/accord/api/\">");
    }

    @Test
    @Order(5)
    void shouldKeepOperationsEndpointsOffThePublicAddress() {
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/health/diskSpace", "/api/actuator/health")) {
            assertThat(api.getAnonymous(path, null).status()).as(path).isEqualTo(404);
        }
        Reply health = api.getAnonymous("/actuator/health", null).requireStatus(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("no details in public").isFalse();
        assertThat(api.getAnonymous("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
            browser = null;
        }
    }

    /** The scenarios after the first need one published standard, also when the first one failed. */
    private static void ensurePublished() {
        if (published == null) {
            ProposalRun run = newRun("front-door");
            workflow.submit(run, org.accord.systemtests.workflow.Workflow.draft(run.name));
            workflow.voteAll(run, workflow.requestBallot(run, "DIS", "ISO_ENQUIRY_APPROVAL",
                    Instant.now().plus(Duration.ofMinutes(5))), mb -> "APPROVE");
            workflow.awaitStage(run, "40.99", STEP);
            workflow.skipFinalBallot(run);
            workflow.awaitPublished(run, STEP);
            published = run;
        }
    }

    private static void startBrowser() throws IOException {
        chromium = Chromium.start("front-door-chromium", options -> {
            options.addArguments("--hide-scrollbars");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        });
        browser = chromium.driver();
        Files.createDirectories(SCREENSHOTS);
    }

    /** No element of the page reaches past the right edge of the viewport, and nothing scrolls sideways. */
    /**
     * Every word of the table's headers and short cells sits on one line: no "Desig / nation", no
     * "PUBL / ISHE / D" (titles wrap, hyphens included, as long text does).
     */
    private static void assertNoWordSplitInTheTable() {
        Object split = script("""
                const out = [];
                document.querySelectorAll('#standards th, #standards td:not(:nth-child(2))').forEach(cell => {
                  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const re = /\\S+/g;
                    let m;
                    while ((m = re.exec(node.data)) !== null) {
                      const range = document.createRange();
                      range.setStart(node, m.index);
                      range.setEnd(node, m.index + m[0].length);
                      const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
                      if (tops.size > 1) out.push(m[0] + ' in ' + cell.tagName);
                    }
                  }
                });
                return out;""");
        assertThat((List<?>) split).as("words broken across lines in the table").isEmpty();
    }

    private static void assertNothingCutOff(int viewport) {
        Object wider = script("""
                const width = document.documentElement.clientWidth;
                const out = [];
                document.querySelectorAll('#catalogue th, #catalogue td, #detail h2, #detail p, #editions li, header.top *')
                  .forEach((e) => { const r = e.getBoundingClientRect();
                    if (r.width > 0 && (r.left < -0.5 || r.right > width + 0.5)) out.push(e.tagName + ' ' + e.textContent.substring(0, 40)
                      + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']'); });
                return out.join(' | ');""");
        assertThat((String) wider).as("elements past the right edge at %d px", viewport).isEmpty();
        long scrollWidth = ((Number) script("return document.documentElement.scrollWidth")).longValue();
        assertThat(scrollWidth).as("page width at %d px", viewport).isLessThanOrEqualTo(viewport);
    }

    private static Map<?, ?> rect(String selector) {
        return (Map<?, ?>) script("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};", selector);
    }

    private static double number(Map<?, ?> rect, String key) {
        return ((Number) rect.get(key)).doubleValue();
    }

    private static Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private static void screenshot(String name) throws IOException {
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
