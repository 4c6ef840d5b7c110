package org.accord.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;

import org.accord.events.AccordJson;
import org.accord.events.Topics;
import org.accord.http.client.Chromium;
import org.accord.proposals.events.PublicationApproved;
import org.accord.publication.events.StandardEvents;
import org.accord.publication.events.StandardPublished;
import org.accord.testing.AccordServiceTest;
import org.accord.testing.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The observer page in a real browser (Debian's chromium, driven through chromium-driver): it
 * lists the standards, shows one with its text and editions, and adds a newly published standard
 * without a reload. Skipped where chromium is not installed (.ci/run installs it).
 */
@AccordServiceTest
@AutoConfigureWebTestClient
class ObserverPageIT {

    static final Duration WAIT = Duration.ofSeconds(40);

    static Chromium chromium;
    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = Chromium.start("observer-chromium", options -> options.addArguments("--window-size=1400,1000"));
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldListShowAndAddNewlyPublishedStandardsLiveWithoutReload() throws IOException {
        String committee = Approvals.committee("Observer");
        String first = publishAndWait(committee, "NEW", null, "first standard");

        browser.get("http://localhost:" + port + "/observer/?committee=" + URLEncoder.encode(committee, StandardCharsets.UTF_8));
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(row(first)));
        wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        Object loadedAt = script("return window.accordObserver.loadedAt");

        row.click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-designation"), first));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#text h1#clause-1"), "1 Scope"));
        assertThat(browser.findElement(By.cssSelector("#text h2#clause-3\\.1")).getText()).isEqualTo("3.1 evaluation report");
        assertThat(browser.findElements(By.cssSelector("#editions li"))).hasSize(1);
        wait.until(ExpectedConditions.attributeToBe(By.id("verification"), "class", "valid"));

        String second = publishAndWait(committee, "NEW", null, "second standard");
        WebElement added = wait.until(ExpectedConditions.presenceOfElementLocated(row(second)));
        assertThat(added.getAttribute("class")).contains("new");
        assertThat(browser.findElements(By.cssSelector("#standards tbody tr")).get(0).getAttribute("data-designation"))
                .isEqualTo(second);

        // A revision of the standard on show: its row and its editions follow, still without a reload.
        String revised = publishAndWait(committee, "REVISION", first, "second edition");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#editions li"), 2));
        wait.until(d -> d.findElements(By.cssSelector("#standards tbody tr")).stream()
                .anyMatch(r -> revised.equals(r.getAttribute("data-designation")) && "2".equals(r.getAttribute("data-edition"))));
        assertThat(script("return window.accordObserver.loadedAt")).isEqualTo(loadedAt);
        assertThat(((Number) script("return window.accordObserver.liveEvents")).intValue()).isGreaterThanOrEqualTo(2);

        Path screenshot = Path.of("target", "observer-page.png");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private static By row(String designation) {
        return By.cssSelector("#standards tbody tr[data-designation='" + designation + "']");
    }

    /** Sends the approval and waits for its StandardPublished, returning the designation. */
    private static String publishAndWait(String committee, String kind, String basedOn, String name) {
        int project = basedOn == null ? Approvals.project() : Integer.parseInt(basedOn.replaceAll("ACC (\\d+):.*", "$1"));
        PublicationApproved approved = Approvals.approved(project, committee, kind, basedOn, Approvals.text(project, name));
        try (TopicProbe standards = TopicProbe.on(Topics.STANDARDS)) {
            Approvals.send(approved);
            StandardPublished published = AccordJson.read(
                    standards.awaitEvent(StandardEvents.PUBLISHED.name(), approved.proposalId(), WAIT).value(), StandardPublished.class);
            // Issue 13: a second edition of the same year is dated with the next year, so each designation names one edition.
            int year = published.publishedAt().atOffset(ZoneOffset.UTC).getYear();
            assertThat(published.designation()).isEqualTo("ACC " + project + ":" + (basedOn != null && basedOn.endsWith(":" + year)
                    ? year + 1 : year));
            return published.designation();
        }
    }
}
