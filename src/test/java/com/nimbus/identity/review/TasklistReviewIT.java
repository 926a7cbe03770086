package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.HeadlessChromium;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.support.TestPdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reviewer in a real browser (Debian's Chromium): logs into Tasklist, opens the application from the
 * review queue, claims it, sees the entered data and every page of the document (a photo of the front, a PDF of the
 * back), approves it.
 */
@IntegrationTest
class TasklistReviewIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        HeadlessChromium.Browser chromium = HeadlessChromium.open();
        browser = chromium.driver();
        wait = chromium.waits();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Clicks as a person does: scrolls the element into the middle of the window first. */
    private void click(By locator) {
        new HeadlessChromium.Browser(browser, wait).click(locator);
    }

    @Test
    void aReviewerClaimsSeesTheDataAndEveryPageAndApproves() throws Exception {
        ApiClient console = ApiClient.as(port, "console", "console");
        String accountId = console.postJson("/api/accounts",
                "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}")
                .json().get("accountId").asText();
        String applicationId = console.submitParts(accountId, "{\"identityType\":\"INDIVIDUAL\",\"fullName\":\"Li Na\","
                        + "\"address\":\"2 Nanjing Road, Shanghai\",\"documentType\":\"ID_CARD\",\"documentNumber\":\""
                        + TestIdentities.cnResidentId() + "\"}", List.of(TestImages.documentPng(), TestPdfs.scanOfPages(1)))
                .json().get("applicationId").asText();
        Processes.executeJobs(engine, applicationId);
        String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId).singleResult().getId();

        String base = "http://localhost:" + port + "/camunda/app/tasklist/";
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]"))).sendKeys("alice");
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys("alice");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Review queue"));

        browser.get(base + "default/#/?task=" + taskId);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., 'Claim')]"))).click();
        wait.until(d -> engine.getTaskService().createTaskQuery().taskId(taskId).taskAssignee("alice").count() == 1);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']")));
        // the form shows the entered data and both pages (and no empty place for pages 3 and 4), loaded from the
        // application for the logged-in reviewer (a page of another application with a similar photo may follow, beside page 1 again)
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const imgs = Array.from(document.images).filter(i => i.src.includes('/review/applications/')"
                        + " && !i.src.includes('/similar/'));"
                        + "return new Set(imgs.map(i => i.src)).size === 3 && imgs.every(i => i.complete && i.naturalWidth > 0)"
                        + " && imgs.some(i => i.src.endsWith('/pages/2'));"));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Automated checks", "Decision", "The document has 2 pages");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/tasklist-review.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        click(By.xpath("//label[contains(., 'Approve')]"));
        click(By.xpath("//button[normalize-space(.)='Complete']"));
        wait.until(d -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
        Processes.executeJobs(engine, applicationId);

        assertThat(console.get("/api/accounts/" + accountId + "/verification").json().get("status").asText())
                .isEqualTo("VERIFIED");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo("alice");
    }
}
