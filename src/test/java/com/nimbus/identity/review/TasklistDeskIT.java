package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.HeadlessChromium;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reviewers' desk in a real browser (Debian's Chromium): a reviewer whose browser speaks Chinese reads Tasklist
 * and the review form in Chinese, sees the case at a glance (the account's earlier rejection, the quota, the other
 * pending application with the same photo beside this one) and approves.
 */
@IntegrationTest
class TasklistDeskIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;

    WebDriver browser;
    WebDriverWait wait;

    private void openBrowser(String language) {
        HeadlessChromium.Browser chromium = HeadlessChromium.open(language);
        browser = chromium.driver();
        wait = chromium.waits();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void click(By locator) {
        new HeadlessChromium.Browser(browser, wait).click(locator);
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String account(ApiClient console) {
        return console.postJson("/api/accounts",
                "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}")
                .json().get("accountId").asText();
    }

    private String submit(ApiClient console, String accountId, String number, byte[] photo) {
        String applicationId = console.submitParts(accountId, "{\"identityType\":\"INDIVIDUAL\",\"fullName\":\"Li Na\","
                        + "\"address\":\"2 Nanjing Road, Shanghai\",\"documentType\":\"ID_CARD\",\"documentNumber\":\""
                        + number + "\"}", List.of(photo))
                .json().get("applicationId").asText();
        Processes.executeJobs(engine, applicationId);
        return applicationId;
    }

    /**
     * A sharp photo no other test sends (a checkerboard with a diagonal band), so that the other application with the
     * same photo is the one this test submitted, whatever other tests left waiting.
     */
    private static byte[] photoOfThisTestOnly() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1200, 800,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        for (int x = 0; x < 1200; x += 60) {
            for (int y = 0; y < 800; y += 60) {
                g.setColor(((x + y) / 60) % 2 == 0 ? java.awt.Color.WHITE : new java.awt.Color(30, 30, 30));
                g.fillRect(x, y, 60, 60);
            }
        }
        g.setColor(new java.awt.Color(200, 40, 40));
        g.fillPolygon(new int[] {0, 300, 1200, 900}, new int[] {0, 0, 800, 800}, 4);
        g.dispose();
        return TestImages.png(image);
    }

    private Task review(String applicationId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId).singleResult();
    }

    private void logIn(String user) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]"))).sendKeys(user);
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Review queue"));
    }

    @Test
    void aChineseSpeakingReviewerReadsTheCaseInChineseAndApproves() throws Exception {
        ApiClient console = ApiClient.as(port, "console", "console");
        byte[] photo = photoOfThisTestOnly();
        // another account's application with the same photo, waiting for review too
        String other = submit(console, account(console), TestIdentities.cnResidentId(), photo);
        // this account was rejected once before
        String accountId = account(console);
        String number = TestIdentities.cnResidentId();
        String rejected = submit(console, accountId, number, TestImages.documentPng());
        Task first = review(rejected);
        engine.getTaskService().claim(first.getId(), "bob");
        engine.getTaskService().complete(first.getId(), Map.of("decision", "REJECT",
                "rejectionReasons", "[\"NAME_MISMATCH\"]"));
        Processes.executeJobs(engine, rejected);
        String applicationId = submit(console, accountId, number, photo);
        Task task = review(applicationId);
        assertThat(task.getName()).isEqualTo("Review individual identity card application · 审核个人身份证申请");

        openBrowser("zh-CN");
        logIn("alice");
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        // Tasklist's own texts are Chinese, the Community Edition banner is hidden
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., '认领')]"))).click();
        wait.until(d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).taskAssignee("alice").count() == 1);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='完成']")));
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(e -> e.isDisplayed())).isTrue();
        // the form in Chinese, with the case at a glance and the other application's page beside this one
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "案件概览"));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const imgs = Array.from(document.images).filter(i => i.src.includes('/similar/" + other + "/pages/1'));"
                        + "return imgs.length === 1 && imgs.every(i => i.complete && i.naturalWidth > 0);"));
        assertThat(body()).contains("审核实名认证申请", "该主体目前认证的账号数量：0 / 1", "已拒绝", "NAME_MISMATCH",
                        "其他申请中有相同照片", "自动检查", "审核决定", "要求重新上传")
                .doesNotContain("Review identity application", "Decision");
        screenshot("tasklist-desk-zh.png");

        click(By.xpath("//label[contains(., '批准')]"));
        click(By.xpath("//button[normalize-space(.)='完成']"));
        wait.until(d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
        Processes.executeJobs(engine, applicationId);
        // the same photo elsewhere and an earlier rejection: the approval stands once a second reviewer approves too
        Task second = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId)
                .taskDefinitionKey("secondReview").singleResult();
        assertThat(second).as("four eyes: a second review").isNotNull();
        assertThat(console.get("/api/accounts/" + accountId + "/verification").json().get("status").asText())
                .isEqualTo("UNVERIFIED");
        engine.getTaskService().claim(second.getId(), "bob");
        engine.getTaskService().complete(second.getId(), Map.of("decision", "APPROVE"));
        Processes.executeJobs(engine, applicationId);
        assertThat(console.get("/api/accounts/" + accountId + "/verification").json().get("status").asText())
                .isEqualTo("VERIFIED");
    }

    @Test
    void aSupervisorSeesTheTeamsFiguresAsPicturesAndAReviewerDoesNot() throws Exception {
        ApiClient console = ApiClient.as(port, "console", "console");
        String waiting = submit(console, account(console), TestIdentities.cnResidentId(), TestImages.documentPng());
        String decided = submit(console, account(console), TestIdentities.cnResidentId(), TestImages.documentPng());
        Task task = review(decided);
        engine.getTaskService().claim(task.getId(), "bob");
        engine.getTaskService().complete(task.getId(), Map.of("decision", "REJECT",
                "rejectionReasons", "[\"DOCUMENT_EXPIRED\"]"));
        Processes.executeJobs(engine, decided);
        assertThat(review(waiting)).isNotNull();

        openBrowser("en-US");
        logIn("alice");
        browser.get("http://localhost:" + port + "/review/supervision");
        // a reviewer is not a supervisor: no figures
        assertThat(browser.findElements(By.cssSelector("figure"))).isEmpty();

        browser.quit();
        openBrowser("en-US");
        logIn("carol");
        browser.get("http://localhost:" + port + "/review/supervision");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reasons-mix")));
        for (String chart : List.of("queue", "decisions-per-day", "time-to-decision", "reasons-mix")) {
            assertThat(browser.findElements(By.cssSelector("figure#" + chart + " svg rect"))).as(chart).isNotEmpty();
        }
        // the queue holds at least the waiting review; today's decisions count the rejection, its reason is in the mix
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("figure#queue svg text:nth-of-type(2)")).getText()))
                .isPositive();
        assertThat(browser.findElement(By.id("reasons-mix")).getText()).contains("DOCUMENT_EXPIRED");
        assertThat(browser.findElements(By.cssSelector("figure#decisions-per-day rect title")).stream()
                .map(t -> t.getAttribute("textContent")).toList())
                .anyMatch(title -> title.matches(".*: [1-9][0-9]* rejected"));
        screenshot("review-supervision.png");
    }
}
