package uk.socialprescribing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A newcomer's first click, in a real browser: headless Chromium (Debian's, through its chromedriver) opens the
 * Swagger UI at the gateway, authorizes with the authorization code flow and PKCE as the realm's web client, signs in
 * to the real Keycloak as a demo link worker, calls an operation with "Try it out", and sees a 200.
 */
@ExtendWith(PlatformUp.class)
@Order(4)
class SwaggerUiSignInTest {

    WebDriver browser;
    WebDriverWait waiting;

    @BeforeEach
    void openTheBrowser() throws Exception {
        browser = Browser.open();
        waiting = Browser.waiting(browser);
    }

    @AfterEach
    void closeTheBrowser() throws Exception {
        if (browser != null) {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/swagger-ui-last.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void aLinkWorkerSignsInThroughSwaggerUiWithPkceAndCallsAnOperation() {
        browser.get(LocalPlatform.gateway() + "/q/swagger-ui/");
        // the platform's one document is the one shown first
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-tag-section")));

        click(By.cssSelector("button.btn.authorize"));
        WebElement flow = waiting.until(d -> d.findElements(By.cssSelector(".auth-container")).stream()
                .filter(c -> c.getText().contains("authorizationCode") || c.getText().contains("Authorization Code"))
                .findFirst().orElse(null));
        assertTrue(flow.getText().contains("PKCE") || flow.getText().contains("social-prescribing-web") || flow.findElements(By.cssSelector("input")).size() > 0,
                flow.getText());
        String swagger = browser.getWindowHandle();
        Set<String> before = browser.getWindowHandles();
        flow.findElement(By.cssSelector("button.authorize")).click();

        // Keycloak's sign-in page opens in a window of its own
        String signIn = waiting.until(d -> d.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElse(null));
        browser.switchTo().window(signIn);
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        String url = browser.getCurrentUrl();
        assertTrue(url.startsWith(Keycloak.issuer() + "/protocol/openid-connect/auth"), url);
        assertTrue(url.contains("code_challenge_method=S256") && url.contains("client_id=social-prescribing-web"), url);
        browser.findElement(By.id("username")).sendKeys("amara.okafor");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();

        // back in Swagger UI, which exchanged the code (with its verifier) for a token
        waiting.until(d -> d.getWindowHandles().size() == 1);
        browser.switchTo().window(swagger);
        waiting.until(d -> d.findElements(By.cssSelector(".auth-container")).stream()
                .anyMatch(c -> c.getText().contains("Logout") || c.findElements(By.cssSelector("button.logout")).size() > 0));
        click(By.cssSelector(".modal-ux .close-modal, .modal-ux button.btn-done"));

        // a link worker's own caseload: Try it out, Execute, 200
        WebElement operation = waiting.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//div[contains(concat(' ', @class, ' '), ' opblock ') and .//*[@data-path='/api/caseload/me/caseload']]")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", operation);
        operation.findElement(By.cssSelector(".opblock-summary")).click();
        WebElement tryItOut = waiting.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector("button.try-out__btn"))));
        tryItOut.click();
        waiting.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector("button.execute")))).click();
        WebElement status = waiting.until(d -> {
            List<WebElement> cells = operation.findElements(By.cssSelector(".live-responses-table .response .response-col_status"));
            return cells.isEmpty() || cells.get(0).getText().isBlank() ? null : cells.get(0);
        });
        String body = operation.findElement(By.cssSelector(".live-responses-table .response .response-col_description")).getText();
        assertEquals("200", status.getText().strip().split("\\s+")[0], body);
        assertTrue(body.contains("Amara Okafor"), body);
    }

    private void click(By what) {
        waiting.until(ExpectedConditions.elementToBeClickable(what)).click();
    }
}
