package uk.socialprescribing.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The link workers' web app as its people use it, in a real browser: signed in through the real Keycloak page (the
 * authorization code flow with PKCE, as the app's confidential client), every form filled and sent with the keyboard
 * only, axe-core run on every page (no WCAG 2.2 A/AA violation), and what the API then holds checked through the
 * gateway. Screenshots of the main pages go to target/screens (docs/screens has the README's copies).
 */
@ExtendWith(PlatformUp.class)
@Order(7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppTest {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    WebDriver browser;
    WebDriverWait waiting;

    @BeforeEach
    void openTheBrowser() throws Exception {
        browser = Browser.open();
        waiting = Browser.waiting(browser);
    }

    @AfterEach
    void closeTheBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            Browser.screenshot(browser, "last-" + test.getTestMethod().orElseThrow().getName());
            browser.quit();
        }
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void aLinkWorkerTriagesAReferralAndCarriesItsCaseToItsCloseWithTheKeyboard() throws Exception {
        String family = family();
        String referral = refer(family);

        signIn("amara.okafor");
        heading("My caseload");
        assertTrue(text(By.id("active-cases")).matches("\\d+ of \\d+"), text(By.id("active-cases")));
        checked("caseload");

        // triage: the new referral is listed, and its page has the person and the decisions
        browser.get(LocalPlatform.web() + "/triage");
        heading("Referrals waiting for triage");
        checked("triage");
        // many are waiting: find this one by name (sent in the form's body, not the address)
        type(By.id("q"), "Richard " + family);
        press(By.id("find"));
        assertEquals(LocalPlatform.web() + "/triage", browser.getCurrentUrl());
        press(By.partialLinkText(family));
        heading("Richard " + family);
        assertTrue(text(By.tagName("main")).contains("Opening this referral is recorded"));
        checked("referral");

        // declining without a reason: the NHS error pattern, a summary linking to the field, the field's own message
        press(By.id("decline"));
        WebElement summary = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".nhsuk-error-summary")));
        assertTrue(summary.getText().contains("Select why the referral is declined"), summary.getText());
        WebElement toField = summary.findElement(By.linkText("Select why the referral is declined"));
        assertTrue(toField.getAttribute("href").endsWith("#reason"), toField.getAttribute("href"));
        toField.sendKeys(Keys.ENTER);
        assertEquals("reason", browser.switchTo().activeElement().getAttribute("id"));
        assertTrue(browser.getTitle().startsWith("Error: "), browser.getTitle());
        checked("referral-error");

        press(By.id("accept"));
        waiting.until(d -> d.getCurrentUrl().contains("/cases/") || d.getCurrentUrl().contains("/triage?done="));
        given().auth().oauth2(LocalPlatform.token("link-worker")).when().get("/api/referrals/{id}", referral).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        String caseId = caseOnAmarasCaseload(referral);

        // the case: book a session now, record it as attended, close the case
        browser.get(LocalPlatform.web() + "/cases/" + caseId);
        heading("Richard " + family);
        checked("case");
        // a minute from now (a session cannot come before its referral; it can be recorded from 10 minutes before its time)
        ZonedDateTime now = Instant.now().atZone(ENGLAND).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        type(By.id("day"), String.valueOf(now.getDayOfMonth()));
        type(By.id("month"), String.valueOf(now.getMonthValue()));
        type(By.id("year"), String.valueOf(now.getYear()));
        type(By.id("time"), now.format(DateTimeFormatter.ofPattern("HH:mm")));
        WebElement duration = browser.findElement(By.id("duration"));
        duration.sendKeys(Keys.chord(Keys.CONTROL, "a"), "45");
        press(By.id("book-session"));
        notice("Session booked.");

        WebElement record = browser.findElement(By.cssSelector("form[action$='/record']"));
        record.findElement(By.cssSelector("input[name='outcome'][value='attended']")).sendKeys(Keys.SPACE);
        record.findElement(By.cssSelector("textarea[name='notes']")).sendKeys("Talked about walking; keen to try a group");
        record.findElement(By.cssSelector("button[type='submit']")).sendKeys(Keys.ENTER);
        notice("Session recorded.");
        assertTrue(text(By.id("sessions")).contains("Attended"), text(By.id("sessions")));
        given().auth().oauth2(LocalPlatform.token("link-worker")).when().get("/api/caseload/cases/{id}/sessions", caseId).then()
                .statusCode(200).body("outcome", hasItem("attended")).body("notes", hasItem("Talked about walking; keen to try a group"))
                .body("durationMinutes", hasItem(45));

        // the care and support plan: the first version, then someone else's version meanwhile, then this person's again
        press(By.id("plan-link"));
        heading("Richard " + family);
        checked("plan");
        WebElement whatMatters = browser.findElement(By.id("what-matters"));
        assertTrue(whatMatters.getAttribute("value").contains("walking group"), "what matters starts from the referral's words");
        type(By.id("goal-0-description"), "Join a walking group");
        type(By.id("action-0-description"), "Ring the Nidd Gorge walkers");
        browser.findElement(By.id("action-0-owner")).sendKeys("Link worker");
        type(By.id("change-summary"), "First plan after our conversation");
        press(By.id("save-plan"));
        notice("Plan saved.");
        given().auth().oauth2(LocalPlatform.token("link-worker")).when().get("/api/caseload/cases/{id}/plan", caseId).then().statusCode(200)
                .body("version", equalTo(1)).body("goals[0].description", equalTo("Join a walking group"))
                .body("goals[0].progress", equalTo("not-started")).body("actions[0].owner", equalTo("link-worker"));

        browser.findElement(By.id("goal-0-progress")).sendKeys("Some progress");
        type(By.id("goal-1-description"), "Cook a meal for a friend");
        String lead = LocalPlatform.token("link-worker-lead");
        given().auth().oauth2(lead).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"whatMatters\": \"Getting out more\", \"goals\": [{\"id\": \"g1\", \"description\": \"Join a walking group\", "
                        + "\"progress\": \"achieved\"}], \"changeSummary\": \"Lead's review\"}")
                .when().put("/api/caseload/cases/{id}/plan", caseId).then().statusCode(200);
        press(By.id("save-plan"));
        WebElement changed = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("stale")));
        assertTrue(changed.getText().contains("Someone else saved a new version"), changed.getText());
        assertTrue(text(By.id("current-goals")).contains("Achieved"), text(By.id("current-goals")));
        assertEquals("Cook a meal for a friend", browser.findElement(By.id("goal-1-description")).getAttribute("value"), "what was typed is kept");
        checked("plan-changed");
        press(By.id("save-plan"));
        notice("Plan saved.");
        given().auth().oauth2(LocalPlatform.token("link-worker")).when().get("/api/caseload/cases/{id}/plan", caseId).then().statusCode(200)
                .body("version", equalTo(3)).body("goals.description", hasItem("Cook a meal for a friend"));
        browser.get(LocalPlatform.web() + "/cases/" + caseId + "/plan/versions");
        assertTrue(text(By.id("versions")).contains("Lead's review"), text(By.id("versions")));
        checked("plan-versions");

        // connections: the directory's suggestions near where the person lives, a search by kind, connect, move along
        press(By.id("connections-link"));
        checked("connections");
        press(By.id("find-activity"));
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("suggested-heading")));
        checked("find-activity");
        browser.findElement(By.id("category")).sendKeys("Walking");
        press(By.id("search"));
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("results-heading")));
        browser.findElement(By.cssSelector("form[action$='/connections'] button[type='submit']")).sendKeys(Keys.ENTER);
        notice("Connection made");
        WebElement move = browser.findElement(By.cssSelector("form[action$='/move']"));
        move.findElement(By.cssSelector("input[name='status'][value='referred']")).sendKeys(Keys.SPACE);
        move.findElement(By.cssSelector("button[type='submit']")).sendKeys(Keys.ENTER);
        notice("Connection updated.");
        // declining without a reason is refused in words, at the field
        move = browser.findElement(By.cssSelector("form[action$='/move']"));
        move.findElement(By.cssSelector("input[name='status'][value='declined']")).sendKeys(Keys.SPACE);
        move.findElement(By.cssSelector("button[type='submit']")).sendKeys(Keys.ENTER);
        assertTrue(text(By.cssSelector(".nhsuk-error-summary")).contains("Select why"), text(By.cssSelector(".nhsuk-error-summary")));
        checked("connections-error");
        move = browser.findElement(By.cssSelector("form[action$='/move']"));
        move.findElement(By.cssSelector("input[name='status'][value='attending']")).sendKeys(Keys.SPACE);
        move.findElement(By.cssSelector("button[type='submit']")).sendKeys(Keys.ENTER);
        notice("Connection updated.");
        given().auth().oauth2(LocalPlatform.token("link-worker")).when().get("/api/caseload/cases/{id}/connections", caseId).then()
                .statusCode(200).body("status", equalTo(List.of("attending"))).body("category", equalTo(List.of("walking")));

        // outcome measures: a licensed questionnaire by item number, ONS4 with its words, then a follow-up; a chart and its table
        press(By.id("measures-link"));
        assertEquals("No questionnaires recorded yet", text(By.id("no-measures")).substring(0, 30));
        press(By.id("record-SWEMWBS"));
        assertTrue(text(By.id("licensed-wording")).contains("wording is licensed"), "licensed wording is not shipped");
        checked("record-measure");
        press(By.id("record-questionnaire"));
        summary = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".nhsuk-error-summary")));
        assertTrue(summary.getText().contains("Select when in the support") && summary.getText().contains("Select the answer to question 7"),
                summary.getText());
        summary.findElement(By.linkText("Select the answer to question 1")).sendKeys(Keys.ENTER);
        assertEquals("swemwbs_1", browser.switchTo().activeElement().getAttribute("id"));
        checked("record-measure-error");
        answer("baseline", "swemwbs_", 7, 3);
        notice("Questionnaire recorded.");
        press(By.id("record-ONS4"));
        assertTrue(text(By.tagName("main")).contains("Overall, how satisfied are you with your life nowadays?"), "ONS4's words are shown");
        // the form as sent, to send it a second time below (a double click, a resend after a lost answer)
        String sentForm = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("const f = document.querySelector("
                + "\"form[action$='/measures']\"); f.querySelector(\"input[name='timepoint'][value='baseline']\").checked = true; "
                + "for (const [k, v] of [['life_satisfaction', '4'], ['worthwhile', '5'], ['happiness', '5'], ['anxiety', '7']]) "
                + "f.querySelector(`input[name='${k}'][value='${v}']`).checked = true; return new URLSearchParams(new FormData(f)).toString();");
        answer("baseline", "", 0, 0, "life_satisfaction", "4", "worthwhile", "5", "happiness", "5", "anxiety", "7");
        notice("Questionnaire recorded.");
        // sent again, the same form is the same questionnaire: the app passes its key to the API, which records it once
        given().cookie("q_session", browser.manage().getCookieNamed("q_session").getValue()).contentType("application/x-www-form-urlencoded")
                .body(sentForm).redirects().follow(false).when().post(LocalPlatform.web() + "/cases/{id}/measures", caseId).then()
                .statusCode(303);
        press(By.id("record-SWEMWBS"));
        answer("follow-up", "swemwbs_", 7, 4);
        notice("Questionnaire recorded.");
        Map<String, Object> measures = given().auth().oauth2(LocalPlatform.token("link-worker")).when()
                .get("/api/outcomes/cases/{id}/measurements", caseId).then().statusCode(200).extract().path("");
        List<Map<String, Object>> changes = (List<Map<String, Object>>) measures.get("changes");
        assertEquals(3, ((List<?>) measures.get("measurements")).size());
        assertEquals("SWEMWBS", changes.get(0).get("measure"));
        assertEquals(Boolean.TRUE, changes.get(0).get("improved"));
        // the page's figures are the API's: each SWEMWBS score in the table, the line at the API's value, the change as it says
        List<Map<String, Object>> list = (List<Map<String, Object>>) measures.get("measurements");
        String table = text(By.id("table-swemwbs"));
        list.stream().filter(m -> "SWEMWBS".equals(m.get("instrument"))).map(m -> new java.math.BigDecimal(m.get("score").toString())
                .stripTrailingZeros().toPlainString()).forEach(score -> assertTrue(table.contains(score), table + " lacks " + score));
        String line = new java.math.BigDecimal(((List<Map<String, Object>>) measures.get("targets")).get(0).get("improvedAt").toString())
                .stripTrailingZeros().toPlainString();
        assertEquals("Meaningful improvement: " + line + " or more", text(By.cssSelector("#chart-swemwbs .web-chart__target-label")));
        assertTrue(text(By.id("change-swemwbs")).contains("Meaningful improvement"), text(By.id("change-swemwbs")));
        assertTrue(text(By.id("table-ons4-anxiety")).contains("High"), text(By.id("table-ons4-anxiety")));
        checked("measures");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('chart-swemwbs').scrollIntoView()");
        Browser.screenshot(browser, "measures-chart");

        browser.get(LocalPlatform.web() + "/cases/" + caseId);
        press(By.id("close-case"));
        heading("Richard " + family);
        checked("close-case");
        browser.findElement(By.cssSelector("input[name='reason'][value='goals-met']")).sendKeys(Keys.SPACE);
        type(By.id("summary"), "Came to a first conversation; now walks with a group every week.");
        press(By.id("close"));
        notice("Case closed.");
        assertEquals("Closed", text(By.id("case-status")));
        given().auth().oauth2(LocalPlatform.token("link-worker")).when().get("/api/caseload/cases/{id}", caseId).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closureReason", equalTo("goals-met")).body("sessionsAttended", equalTo(1));
    }

    @Test
    @Order(2)
    void aDecisionOnAReferralThatSomeoneElseDecidedMeanwhileShowsItAsItIsNowAndChangesNothing() throws Exception {
        String family = family();
        String referral = refer(family);
        signIn("amara.okafor");
        browser.get(LocalPlatform.web() + "/referrals/" + referral);
        heading("Richard " + family);

        // a colleague accepts it while the page is open
        String linkWorker = LocalPlatform.token("link-worker");
        String etag = given().auth().oauth2(linkWorker).when().get("/api/referrals/{id}", referral).then().extract().header("ETag");
        given().auth().oauth2(linkWorker).header("If-Match", etag).when().post("/api/referrals/{id}/accept", referral).then().statusCode(200);

        browser.findElement(By.cssSelector("input[name='reason'][value='person-declined']")).sendKeys(Keys.SPACE);
        press(By.id("decline"));
        WebElement stale = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("stale")));
        assertTrue(stale.getText().contains("Someone else changed this referral"), stale.getText());
        assertEquals("Accepted", text(By.id("status")));
        checked("referral-changed");
        given().auth().oauth2(linkWorker).when().get("/api/referrals/{id}", referral).then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    @Order(3)
    void aLeadSeesTheTeamAndTheWaitingListAndSigningOutEndsTheSessionHereAndAtKeycloak() throws Exception {
        signIn("priya.shah");
        heading("Your team");
        List<String> team = given().auth().oauth2(LocalPlatform.token("link-worker-lead")).when().get("/api/caseload/team").then()
                .statusCode(200).extract().path("linkWorkers.displayName");
        String workers = text(By.id("workers"));
        assertTrue(!team.isEmpty() && team.stream().allMatch(workers::contains), workers + " against " + team);
        checked("team");

        // the browser holds one session cookie: HttpOnly, SameSite, and no token in it (a key to the session on the server)
        Cookie session = browser.manage().getCookieNamed("q_session");
        assertTrue(session.isHttpOnly(), session.toString());
        assertEquals("Lax", session.getSameSite());
        assertTrue(session.getValue().length() < 200 && !session.getValue().startsWith("eyJ"), session.getValue());

        // a link worker's details: an unknown language is named, then a language added by its English name and taken away again
        // (her name as the API has it now: another test may have changed it)
        String amaraName = given().auth().oauth2(LocalPlatform.token("link-worker")).when().get("/api/caseload/me/caseload").then()
                .statusCode(200).extract().path("displayName");
        press(By.id("worker-amara.okafor"));
        heading(amaraName);
        checked("link-worker");
        String amaraId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        String languages = browser.findElement(By.id("languages")).getAttribute("value");
        WebElement field = browser.findElement(By.id("languages"));
        field.sendKeys(Keys.END, ", Klingonish");
        press(By.id("save-worker"));
        assertTrue(text(By.cssSelector(".nhsuk-error-summary")).contains("We do not know the language Klingonish"),
                text(By.cssSelector(".nhsuk-error-summary")));
        field = browser.findElement(By.id("languages"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), languages + ", Polish");
        press(By.id("save-worker"));
        notice("Changes saved.");
        given().auth().oauth2(LocalPlatform.token("link-worker-lead")).when().get("/api/caseload/link-workers/{id}", amaraId).then()
                .statusCode(200).body("languages", hasItem("pl"));
        field = browser.findElement(By.id("languages"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), languages);
        press(By.id("save-worker"));
        notice("Changes saved.");
        given().auth().oauth2(LocalPlatform.token("link-worker-lead")).when().get("/api/caseload/link-workers/{id}", amaraId).then()
                .statusCode(200).body("languages", not(hasItem("pl")));

        // reassigning a case of the network to a colleague with room
        String referral = refer(family());
        String caseId = acceptedCase(referral);
        browser.get(LocalPlatform.web() + "/cases/" + caseId + "/reassign");
        checked("reassign");
        WebElement to = browser.findElement(By.cssSelector("input[name='worker']:not([disabled])"));
        String chosen = to.getAttribute("value");
        to.sendKeys(Keys.SPACE);
        press(By.id("reassign"));
        notice("Case reassigned");
        given().auth().oauth2(LocalPlatform.token("link-worker-lead")).when().get("/api/caseload/cases/{id}", caseId).then()
                .statusCode(200).body("linkWorkerId", equalTo(chosen));

        press(By.cssSelector(".nhsuk-header__account-button"));
        heading("You have signed out");
        browser.get(LocalPlatform.web() + "/team");
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(Keycloak.issuer() + "/protocol/openid-connect/auth"), browser.getCurrentUrl());
    }

    @Test
    @Order(4)
    void everyAnswerHasAContentSecurityPolicyWithoutInlineScriptAndASignInStartsWithPkce() {
        Response start = given().baseUri(LocalPlatform.web()).redirects().follow(false).when().get("/caseload");
        assertEquals(302, start.statusCode());
        String location = start.header("Location");
        assertTrue(location.startsWith(Keycloak.issuer() + "/protocol/openid-connect/auth") && location.contains("code_challenge_method=S256")
                && location.contains("client_id=social-prescribing-web-app"), location);
        for (String path : List.of("/caseload", "/nhsuk-frontend/nhsuk-frontend.min.css", "/signed-out")) {
            given().baseUri(LocalPlatform.web()).redirects().follow(false).when().get(path).then()
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
        // the design system is served by the app itself
        given().baseUri(LocalPlatform.web()).when().get("/nhsuk-frontend/nhsuk-frontend.min.css").then().statusCode(200)
                .body(containsString(".nhsuk-header"));
    }

    // --- the person's actions -------------------------------------------------------------------------------------

    private void signIn(String username) {
        browser.get(LocalPlatform.web() + "/");
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        String url = browser.getCurrentUrl();
        assertTrue(url.startsWith(Keycloak.issuer() + "/protocol/openid-connect/auth") && url.contains("code_challenge_method=S256"), url);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).sendKeys(Keys.ENTER);
        waiting.until(d -> d.getCurrentUrl().startsWith(LocalPlatform.web()));
    }

    /** Focuses the element and presses Enter, as someone using the keyboard does (a link or a button). */
    private void press(By what) {
        waiting.until(ExpectedConditions.presenceOfElementLocated(what)).sendKeys(Keys.ENTER);
    }

    private void type(By field, String text) {
        browser.findElement(field).sendKeys(text);
    }

    private String text(By what) {
        return waiting.until(ExpectedConditions.presenceOfElementLocated(what)).getText().strip();
    }

    private void heading(String words) {
        waiting.until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().contains(words)));
    }

    private void notice(String words) {
        WebElement banner = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".nhsuk-notification-banner")));
        assertTrue(banner.getText().contains(words), banner.getText());
    }

    private void checked(String page) throws Exception {
        Accessibility.check(browser, page);
        Browser.screenshot(browser, page);
    }

    // --- the platform around it --------------------------------------------------------------------------------------

    private static String family() {
        return "Webb" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
    }

    /** A GP practice of Amara's network refers Richard FAMILY. */
    private static String refer(String family) throws Exception {
        String body = ThinSliceTest.REFERRAL.replace("9434765919", ReferralStream.nextNhsNumber()).replace("\"Smith\"", "\"" + family + "\"");
        return given().auth().oauth2(LocalPlatform.token("referrer")).contentType(ContentType.JSON).body(body).when().post("/api/referrals")
                .then().statusCode(201).extract().path("id");
    }

    /** Selects a questionnaire's timepoint and answers (items PREFIX1..COUNT all SCORE, or the named items), then records it. */
    private void answer(String timepoint, String prefix, int count, int score, String... named) {
        browser.findElement(By.cssSelector("input[name='timepoint'][value='" + timepoint + "']")).sendKeys(Keys.SPACE);
        for (int i = 1; i <= count; i++) {
            browser.findElement(By.cssSelector("input[name='" + prefix + i + "'][value='" + score + "']")).sendKeys(Keys.SPACE);
        }
        for (int i = 0; i < named.length; i += 2) {
            browser.findElement(By.cssSelector("input[name='" + named[i] + "'][value='" + named[i + 1] + "']")).sendKeys(Keys.SPACE);
        }
        press(By.id("record-questionnaire"));
    }

    /** The referral accepted through the API, and its case once caseload has opened it. */
    private static String acceptedCase(String referral) throws Exception {
        String linkWorker = LocalPlatform.token("link-worker");
        String etag = given().auth().oauth2(linkWorker).when().get("/api/referrals/{id}", referral).then().extract().header("ETag");
        given().auth().oauth2(linkWorker).header("If-Match", etag).when().post("/api/referrals/{id}/accept", referral).then().statusCode(200);
        String lead = LocalPlatform.token("link-worker-lead");
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(lead).queryParam("referralId", referral).when().get("/api/caseload/cases").then().statusCode(200)
                        .extract().<String>path("contents[0].id"), java.util.Objects::nonNull);
    }

    /** The referral's case, given to Amara by her lead where the allocation chose a colleague. */
    private static String caseOnAmarasCaseload(String referral) throws Exception {
        String lead = LocalPlatform.token("link-worker-lead");
        Map<String, Object> found = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(lead).queryParam("referralId", referral).when().get("/api/caseload/cases").then().statusCode(200)
                        .extract().<Map<String, Object>>path("contents[0]"), java.util.Objects::nonNull);
        String caseId = (String) found.get("id");
        String amara = given().auth().oauth2(LocalPlatform.token("link-worker")).when().get("/api/caseload/me/caseload").then().statusCode(200)
                .extract().path("linkWorkerId");
        if (!amara.equals(found.get("linkWorkerId"))) {
            String etag = given().auth().oauth2(lead).when().get("/api/caseload/cases/{id}", caseId).then().extract().header("ETag");
            given().auth().oauth2(lead).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("linkWorkerId", amara))
                    .when().post("/api/caseload/cases/{id}/assign", caseId).then().statusCode(200);
        }
        return caseId;
    }
}
