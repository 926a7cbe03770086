package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.Fixtures;
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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reviewers' desk in a real browser (Debian's Chromium): asking for new photos and seeing the new pages come back
 * into the same reviewer's review, a document of two pages, and four eyes with alice and then bob.
 */
@IntegrationTest
class TasklistReviewDeskIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;

    WebDriver browser;
    WebDriverWait wait;
    ApiClient console;

    @BeforeEach
    void openBrowser() {
        HeadlessChromium.Browser chromium = HeadlessChromium.open();
        browser = chromium.driver();
        wait = chromium.waits();
        console = ApiClient.as(port, "console", "console");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String base() {
        return "http://localhost:" + port + "/camunda/app/tasklist/";
    }

    private void logIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(base());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]"))).sendKeys(user);
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Review queue"));
    }

    /** Opens the task and claims it, unless it is assigned to the user already. */
    private void openAndClaim(String taskId, String user) {
        browser.get(base() + "default/#/?task=" + taskId);
        if (engine.getTaskService().createTaskQuery().taskId(taskId).taskAssignee(user).count() == 0) {
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., 'Claim')]"))).click();
            wait.until(d -> engine.getTaskService().createTaskQuery().taskId(taskId).taskAssignee(user).count() == 1);
        }
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']")));
    }

    /** Waits until the form shows the entered data and {@code pages} pages, each loaded, page {@code pages} among them. */
    private void waitForPages(int pages) throws Exception {
        try {
            waitForLoadedPages(pages);
        } catch (TimeoutException e) {
            // Tasklist on a loaded machine sometimes leaves a task's form unrendered after a claim: open it again
            screenshot("tasklist-form-not-rendered");
            browser.navigate().refresh();
            waitForLoadedPages(pages);
        }
    }

    private void waitForLoadedPages(int pages) {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const imgs = Array.from(document.images).filter(i => i.src.includes('/review/applications/'));"
                        + "return imgs.length === arguments[0] + 1 && imgs.every(i => i.complete && i.naturalWidth > 0)"
                        + " && (arguments[0] < 2 || imgs.some(i => i.src.endsWith('/pages/' + arguments[0])));", pages));
    }

    /** Clicks as a person does: scrolls the element into the middle of the window first. */
    private void click(By locator) {
        new HeadlessChromium.Browser(browser, wait).click(locator);
    }

    private void completeWith(String decisionLabel, String taskId) {
        click(By.xpath("//label[contains(., '" + decisionLabel + "')]"));
        click(By.xpath("//button[normalize-space(.)='Complete']"));
        wait.until(d -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String newAccount() {
        return console.postJson("/api/accounts",
                "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}")
                .json().get("accountId").asText();
    }

    private static String liNa() {
        return "{\"identityType\":\"INDIVIDUAL\",\"fullName\":\"Li Na\",\"address\":\"2 Nanjing Road, Shanghai\","
                + "\"documentType\":\"ID_CARD\",\"documentNumber\":\"" + TestIdentities.cnResidentId() + "\"}";
    }

    private Task task(String applicationId, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId)
                .taskDefinitionKey(key).singleResult();
    }

    private String status(String accountId, String applicationId) {
        return console.get("/api/accounts/" + accountId + "/verification-applications/" + applicationId).json()
                .get("status").asText();
    }

    @Test
    void aReviewerAsksForNewPhotosAndTheNewPagesComeBackIntoHerReview() throws Exception {
        String accountId = newAccount();
        String applicationId = console.submitParts(accountId, liNa(), List.of(TestImages.documentPng()))
                .json().get("applicationId").asText();
        Processes.executeJobs(engine, applicationId);
        String firstTask = task(applicationId, "reviewApplication").getId();

        logIn("alice");
        openAndClaim(firstTask, "alice");
        waitForPages(1);
        click(By.xpath("//label[contains(., 'Ask for a new photo')]"));
        click(By.xpath("//label[contains(., 'Document photo is unclear')]"));
        click(By.xpath("//button[normalize-space(.)='Complete']"));
        wait.until(d -> engine.getTaskService().createTaskQuery().taskId(firstTask).count() == 0);
        Processes.executeJobs(engine, applicationId);
        assertThat(status(accountId, applicationId)).isEqualTo("PHOTO_REQUESTED");
        assertThat(console.get("/api/accounts/" + accountId + "/messages").text()).contains("DOCUMENT_UNCLEAR");

        assertThat(console.replaceDocument(accountId, applicationId,
                List.of(TestImages.documentJpeg(), TestPdfs.scan(TestImages.document()))).status()).isEqualTo(202);
        Processes.executeJobs(engine, applicationId);
        Task again = task(applicationId, "reviewApplication");
        assertThat(again.getAssignee()).isEqualTo("alice");

        openAndClaim(again.getId(), "alice");
        waitForPages(2);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("The document has 2 pages");
        screenshot("tasklist-new-pages");
        completeWith("Approve", again.getId());
        if (task(applicationId, "secondReview") != null) { // a soft signal of the new pages: bob looks too
            fixtures.approve(applicationId);
        }
        Processes.executeJobs(engine, applicationId);
        assertThat(console.get("/api/accounts/" + accountId + "/verification").json().get("status").asText())
                .isEqualTo("VERIFIED");
    }

    @Test
    void aDocumentOfTwoPagesShowsBothInTheForm() throws Exception {
        String accountId = newAccount();
        String applicationId = console.submitParts(accountId, liNa(),
                List.of(TestImages.documentJpeg(), TestImages.documentPng())).json().get("applicationId").asText();
        Processes.executeJobs(engine, applicationId);
        String taskId = task(applicationId, "reviewApplication").getId();

        logIn("bob");
        openAndClaim(taskId, "bob");
        waitForPages(2);
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "const imgs = Array.from(document.images).filter(i => i.src.includes('/pages/'));"
                        + "return imgs.length === 1 && imgs[0].getBoundingClientRect().width > 100;")).isTrue();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("The document has 2 pages");
        screenshot("tasklist-two-pages");
    }

    @Test
    void fourEyesAliceApprovesThenBobApprovesToo() throws Exception {
        Account account = fixtures.account();
        VerificationApplication rejected = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(rejected.getId());
        fixtures.reject(rejected.getId(), "[\"NAME_MISMATCH\"]", null);
        fixtures.runJobs(rejected.getId());
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(application.getId());
        String firstTask = task(application.getId(), "reviewApplication").getId();

        logIn("alice");
        openAndClaim(firstTask, "alice");
        waitForPages(1);
        completeWith("Approve", firstTask);
        Task second = task(application.getId(), "secondReview");
        assertThat(second).as("an account rejected today: a second reviewer approves too").isNotNull();
        assertThat(status(account.getId(), application.getId())).isEqualTo("IN_REVIEW");

        logIn("bob");
        openAndClaim(second.getId(), "bob");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Why a second review"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Second review", "alice approved",
                "Rejected recently", "rejected 0 day(s) ago").doesNotContain("Change from an enterprise");
        screenshot("tasklist-second-review");
        completeWith("Approve too", second.getId());
        Processes.executeJobs(engine, application.getId());

        assertThat(status(account.getId(), application.getId())).isEqualTo("APPROVED");
        assertThat(console.get("/api/accounts/" + account.getId() + "/verification").json().get("status").asText())
                .isEqualTo("VERIFIED");
    }
}
