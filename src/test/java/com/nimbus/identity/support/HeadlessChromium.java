package com.nimbus.identity.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven headless, as a reviewer's browser: the one way the browser tests open it (the binaries of
 * the {@code chromium} and {@code chromium-driver} packages, which {@code scripts/test} installs).
 */
public final class HeadlessChromium {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** The browser and its patience: 30 s for anything the page must show. */
    public record Browser(WebDriver driver, WebDriverWait waits) {

        /** Clicks as a person does: scrolls the element into the middle of the window first. */
        public void click(By locator) {
            var element = driver.findElement(locator);
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            waits.until(ExpectedConditions.elementToBeClickable(element)).click();
        }

        public void quit() {
            driver.quit();
        }
    }

    private HeadlessChromium() {
    }

    /** A browser whose first language is English. */
    public static Browser open() {
        return open(null);
    }

    /** A browser whose first language is {@code language} ({@code zh-CN}), as its {@code Accept-Language} says. */
    public static Browser open(String language) {
        assertThat(Path.of(CHROMIUM)).as("Debian's chromium package is needed: apt-get install chromium chromium-driver")
                .exists();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run",
                "--disable-component-update", "--disable-sync", "--window-size=1500,1400");
        if (language != null) {
            options.addArguments("--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        return new Browser(driver, new WebDriverWait(driver, Duration.ofSeconds(30)));
    }
}
