package io.switchboard.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, as .ci/run installs them) driven through
 * Selenium, with a fresh profile, so pages are tested the way a person's browser sees them: cookies, redirects, CSP.
 */
final class Chromium implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final String base;
    private final Path profile;

    Chromium(URL base) {
        this.base = base.toString().replaceAll("/$", "");
        try {
            profile = Files.createTempDirectory("switchboard-chromium");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(By by) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement button(String text) {
        return find(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    WebElement link(String text) {
        return find(By.xpath("//a[normalize-space()='" + text + "']"));
    }

    String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void waitForText(String text) {
        // a form's redirect can replace <main> between finding it and reading it; Chrome then says the node no longer
        // belongs to the document instead of calling it stale, so that is polled past too
        waitFor().ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
    }

    void signIn(String user) {
        driver.manage().deleteAllCookies();
        open("/login");
        find(By.id("username")).sendKeys(user);
        find(By.id("password")).sendKeys(user);
        button("Sign in").click();
        waitFor().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    void desktop() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Whether the page is wider than the window (a phone would scroll sideways). */
    boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    /** Saves the whole page (not just the window) as target/screenshots/{name}.png. */
    void screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(Math.max(height + 140, 400), 6000)));
        try {
            Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** What the page wrote to the console since the last call: CSP violations and script errors land here. */
    java.util.List<String> console() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
