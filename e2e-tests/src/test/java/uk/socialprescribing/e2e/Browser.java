package uk.socialprescribing.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the tests: Debian's headless Chromium through its chromedriver (WebDriver, no browser download),
 * installed where this machine allows it, as ./mvnw verify sets up what it needs on a fresh machine.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Selenium's note that it has no DevTools bindings for this Chromium: WebDriver, which these tests use, needs none. */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private Browser() {
    }

    static WebDriver open() throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            Process install = new ProcessBuilder(LocalPlatform.ROOT.resolve("infra/install-missing").toString(), "chromium:chromium",
                    "chromedriver:chromium-driver").inheritIO().start();
            install.waitFor(10, TimeUnit.MINUTES);
        }
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "These tests drive Debian's Chromium, which could not be installed here: apt-get install chromium chromium-driver");
        SELENIUM.setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // as root Chromium needs --no-sandbox; background networking off, since this machine reaches no internet
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(driver, options);
    }

    /**
     * Waits up to 30 s, trying again when the page it was reading was replaced by the next one meanwhile (an element of a
     * page that has gone is stale: the condition is asked again of the new page, not failed).
     */
    static WebDriverWait waiting(WebDriver browser) {
        WebDriverWait waiting = new WebDriverWait(browser, Duration.ofSeconds(30));
        waiting.ignoring(StaleElementReferenceException.class);
        return waiting;
    }

    /** The page as it looks now, as target/screens/NAME.png. */
    static void screenshot(WebDriver browser, String name) throws IOException {
        Path screens = Path.of("target/screens");
        Files.createDirectories(screens);
        Files.write(screens.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
