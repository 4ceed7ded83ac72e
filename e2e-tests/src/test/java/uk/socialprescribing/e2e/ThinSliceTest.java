package uk.socialprescribing.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * The skeleton proved end to end, on the real parts: a GP practice system refers a person through the gateway
 * with a real Keycloak token; referral-service emits referral.received; a link worker accepts, which emits
 * referral.accepted; caseload-service opens a case from it; outcomes-service counts both. Beside it, the referral
 * routes as partners use them through the gateway: demo data, an agency, a self-referral, FHIR.
 */
@ExtendWith(PlatformUp.class)
@Order(1) // first: it counts the demo data's referrals before anything else adds to them
class ThinSliceTest {

    static final String REFERRAL = """
            {"person": {"nhsNumber": "9434765919", "givenName": "Richard", "familyName": "Smith", "dateOfBirth": "1948-03-12"},
             "referrer": {"name": "Dr Asha Patel", "role": "GP"},
             "reasons": [{"code": "loneliness-or-isolation"}],
             "whatMatters": "Widowed last year, rarely goes out; would like to join a walking group",
             "consent": {"referral": true, "shareOutcomeWithReferrer": true}}""";

    /** NHS rounding of published counts: to the nearest 5 (counts 1 to 7 are suppressed). */
    static int published(long count) {
        return (int) (Math.round(count / 5.0) * 5);
    }

    /** outcomes-service's projection of referrals (a fresh database: the first generation, never rebuilt here). */
    static final String RECEIVED = "select count(*) from projection_1.referral where received_at is not null";
    static final String ACCEPTED = "select count(*) from projection_1.referral where triage_outcome = 'accepted'";

    @Test
    void aReferralTravelsFromTheGpPracticeToACaseAndIntoTheCommissionersMetrics() throws Exception {
        String referrer = LocalPlatform.token("referrer");
        String linkWorker = LocalPlatform.token("link-worker");
        String lead = LocalPlatform.token("link-worker-lead");
        String commissioner = LocalPlatform.token("commissioner");

        // the demo referrals' events reach outcomes first: what follows is counted on top of them
        long demoReceived = LocalPlatform.count("referral_e2e", "select count(*) from referral");
        long demoAccepted = LocalPlatform.count("referral_e2e", "select count(*) from referral where status in ('ACCEPTED', 'CLOSED')");
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                LocalPlatform.count("outcomes_e2e", RECEIVED) == demoReceived && LocalPlatform.count("outcomes_e2e", ACCEPTED) == demoAccepted);

        given().contentType(ContentType.JSON).body(REFERRAL).when().post("/api/referrals")
                .then().statusCode(401).contentType("application/problem+json");

        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            referrals.add(given().auth().oauth2(referrer).contentType(ContentType.JSON).body(REFERRAL)
                    .when().post("/api/referrals")
                    .then().statusCode(201).body("referrer.organisation", equalTo("B82005"))
                    .header("Location", startsWith(LocalPlatform.gateway() + "/api/referrals/"))
                    .extract().path("id"));
        }
        for (String id : referrals) {
            String etag = given().auth().oauth2(linkWorker).when().get("/api/referrals/{id}", id)
                    .then().statusCode(200).extract().header("ETag");
            given().auth().oauth2(linkWorker).header("If-Match", etag).when().post("/api/referrals/{id}/accept", id)
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        }

        for (String id : referrals) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().auth().oauth2(lead).queryParam("referralId", id).when().get("/api/caseload/cases")
                            .then().statusCode(200).body("contents", hasSize(1)).body("contents[0].status", equalTo("OPEN"))
                            .body("contents[0].allocation", equalTo("ASSIGNED")));
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                LocalPlatform.count("outcomes_e2e", ACCEPTED) == demoAccepted + 8);
        long received = LocalPlatform.count("outcomes_e2e", RECEIVED);
        assertEquals(demoReceived + 8, received);
        // published to commissioners with NHS small-number rounding: over the year (the demo's referrals arrived over the
        // last months) the total is exact; this month's row is rounded
        given().auth().oauth2(commissioner).when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(200)
                .body("breakdown", equalTo(List.of("month")))
                .body("total.values.received", equalTo((int) received));
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).toString();
        String thisMonth = " and to_char(received_at at time zone 'Europe/London', 'YYYY-MM') = '" + month + "'";
        long receivedThisMonth = LocalPlatform.count("outcomes_e2e", RECEIVED + thisMonth);
        long acceptedThisMonth = LocalPlatform.count("outcomes_e2e", ACCEPTED + thisMonth);
        given().auth().oauth2(commissioner).queryParam("month", month).when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].values.received", equalTo(published(receivedThisMonth)))
                .body("rows[0].values.accepted", equalTo(published(acceptedThisMonth)))
                .body("total.values.received", equalTo((int) receivedThisMonth));

        // nothing that identifies a person reached the outcomes database
        assertEquals(0, LocalPlatform.count("outcomes_e2e",
                "select count(*) from information_schema.columns where (table_schema = 'public' or table_schema like 'projection%') "
                        + "and column_name ~ '(nhs|name|birth|address|postcode|phone|email)'"));
    }

    @Test
    void theDemoHasReferralsInEveryStateAcrossBothPcns() throws Exception {
        String admin = LocalPlatform.token("admin");
        for (String status : List.of("RECEIVED", "ACCEPTED", "DECLINED", "REDIRECTED", "WITHDRAWN", "CLOSED")) {
            given().auth().oauth2(admin).queryParam("status", status).when().get("/api/referrals")
                    .then().statusCode(200).body("totalItems", greaterThanOrEqualTo(1));
        }
        given().auth().oauth2(LocalPlatform.token("link-worker")).queryParam("overdue", "true").queryParam("size", 100)
                .when().get("/api/referrals")
                .then().statusCode(200).body("totalItems", greaterThanOrEqualTo(1))
                .body("contents.pcnCode", everyItem(equalTo("U84002")));
        assertEquals(2, LocalPlatform.count("referral_e2e", "select count(distinct pcn_code) from referral"));

        // caseload allocated the accepted ones to the demo team; the smaller PCN's one part-time worker is full
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(admin).queryParam("pcn", "U84005").when().get("/api/caseload/waiting-list")
                        .then().statusCode(200).body("length", greaterThanOrEqualTo(1)));
        given().auth().oauth2(LocalPlatform.token("link-worker-lead")).when().get("/api/caseload/link-workers")
                .then().statusCode(200).body("contents.username", hasItem("amara.okafor")).body("contents.activeCases.sum()", greaterThanOrEqualTo(1));

        // once the burst of demo cases is over and the directory's services have arrived, the cases get a history:
        // sessions, plan versions, connections to demo directory services (the seeding runs once, so wait for all of it)
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() ->
                LocalPlatform.count("caseload_e2e", "select count(*) from connection where status = 'COMPLETED'") >= 1
                        && LocalPlatform.count("caseload_e2e", "select count(*) from care_case where missed_in_a_row >= 2") >= 1);
        assertTrue(LocalPlatform.count("caseload_e2e", "select count(*) from care_plan_version where version = 3") >= 1);
        assertTrue(LocalPlatform.count("caseload_e2e", "select count(*) from connection where reason is not null") >= 1);
        List<Map<String, Object>> team = given().auth().oauth2(LocalPlatform.token("link-worker-lead")).when().get("/api/caseload/team")
                .then().statusCode(200).extract().path("linkWorkers");
        assertTrue(team.stream().anyMatch(w -> "amara.okafor".equals(w.get("username")) && ((Number) w.get("activeCases")).intValue() >= 1), team.toString());
        assertTrue(team.stream().anyMatch(w -> !((Map<?, ?>) w.get("flagged")).isEmpty()), "no flags in the demo team: " + team);
        List<Map<String, Object>> mine = given().auth().oauth2(LocalPlatform.token("link-worker")).when().get("/api/caseload/me/caseload")
                .then().statusCode(200).body("displayName", equalTo("Amara Okafor")).extract().path("cases.contents");
        // every demo case has a plan, a booked session or one left unrecorded
        assertTrue(mine.stream().anyMatch(c -> ((Number) c.get("planVersion")).intValue() > 0 || c.get("nextSessionAt") != null
                || ((Number) c.get("unrecordedSessions")).intValue() > 0), mine.toString());

        // the demo cases' link workers recorded outcome measures (outcomes knows whose case is whose from case.assigned),
        // and commissioners see the change from baseline, suppressed where few
        // (each measure is recorded on its own, so wait until ten people have a follow-up: 1 to 7 would be suppressed)
        String commissioner = LocalPlatform.token("commissioner");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertTrue(LocalPlatform.count("outcomes_e2e", "select count(*) from measurement where instrument = 'SWEMWBS' and timepoint = 'follow-up'") >= 10));
        List<Map<String, Object>> measures = given().auth().oauth2(commissioner).when()
                .get("/api/outcomes/metrics/outcome-measures").then().statusCode(200).extract().path("rows");
        Map<?, ?> swemwbs = (Map<?, ?>) measures.stream().filter(r -> "SWEMWBS".equals(((Map<?, ?>) r.get("key")).get("measure"))).findFirst()
                .orElseThrow().get("values");
        assertTrue(((Number) swemwbs.get("people")).intValue() >= 10 && swemwbs.get("mean_change") != null, swemwbs.toString());
    }

    @Test
    void closingTheCaseClosesTheReferralAndTellsTheReferrer() throws Exception {
        String referrer = LocalPlatform.token("referrer");
        String linkWorker = LocalPlatform.token("link-worker");
        String lead = LocalPlatform.token("link-worker-lead");
        String id = given().auth().oauth2(referrer).contentType(ContentType.JSON).body(REFERRAL).when().post("/api/referrals")
                .then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(linkWorker).when().get("/api/referrals/{id}", id).then().extract().header("ETag");
        given().auth().oauth2(linkWorker).header("If-Match", etag).when().post("/api/referrals/{id}/accept", id).then().statusCode(200);

        String caseId = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(lead).queryParam("referralId", id).when().get("/api/caseload/cases")
                        .then().statusCode(200).extract().<String>path("contents[0].id"), java.util.Objects::nonNull);
        // as any client would: read, close with that version, and read again if someone changed the case meanwhile
        int status = 412;
        for (int attempt = 0; attempt < 3 && status == 412; attempt++) {
            String caseEtag = given().auth().oauth2(lead).when().get("/api/caseload/cases/{id}", caseId).then().statusCode(200)
                    .extract().header("ETag");
            status = given().auth().oauth2(lead).header("If-Match", caseEtag).contentType(ContentType.JSON).body("{\"reason\": \"goals-met\"}")
                    .when().post("/api/caseload/cases/{id}/close", caseId).then().extract().statusCode();
        }
        assertEquals(200, status);
        given().auth().oauth2(lead).when().get("/api/caseload/cases/{id}", caseId).then().body("status", equalTo("CLOSED"));

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(referrer).when().get("/api/referrals/{id}/feedback", id).then().statusCode(200)
                        .body("status", equalTo("CLOSED"))
                        .body("messages.kind", equalTo(List.of("accepted", "closed")))
                        .body("messages[1].closure.reason", equalTo("goals-met"))
                        // goals met: nothing for the GP system to code (the referral was coded when it was made)
                        .body("recordAs", org.hamcrest.Matchers.nullValue())
                        // every message says how to reach the service
                        .body("messages.contact.phone", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue())));
    }

    @Test
    void partnersReferThroughTheGatewayAsAnAgencyAPersonAndAFhirSystem() throws Exception {
        String body = REFERRAL.replace("\"nhsNumber\": \"9434765919\", ", "")
                .replace("\"dateOfBirth\": \"1948-03-12\"", "\"dateOfBirth\": \"1948-03-12\", \"address\": {\"postcode\": \"HG5 0AB\"}");
        given().auth().oauth2(LocalPlatform.token("agency-referrer")).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals")
                .then().statusCode(201).body("referrer.kind", equalTo("housing")).body("pcnCode", equalTo("U84005"));

        String self = """
                {"person": {"givenName": "Maria", "familyName": "Kowalska", "dateOfBirth": "1961-07-04",
                            "address": {"postcode": "HG1 5JX"}, "phone": "07700 900456", "preferredContactMethod": "phone"},
                 "reasons": [{"code": "loneliness-or-isolation"}], "consent": true}""";
        given().contentType(ContentType.JSON).body(self).when().post("/api/self-referrals")
                .then().statusCode(201).header("Location", startsWith(LocalPlatform.gateway()));

        String serviceRequest = """
                {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                 "contained": [{"resourceType": "Patient", "id": "p1",
                                "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9912003888"}],
                                "name": [{"family": "Smith", "given": ["Richard"]}], "birthDate": "1948-03-12"}],
                 "code": {"coding": [{"system": "http://snomed.info/sct", "code": "871731000000106"}]},
                 "subject": {"reference": "#p1"},
                 "reasonCode": [{"text": "Lonely since moving into sheltered housing"}]}""";
        String referrer = LocalPlatform.token("referrer");
        String location = given().auth().oauth2(referrer).contentType("application/fhir+json").body(serviceRequest)
                .when().post("/fhir/ServiceRequest")
                .then().statusCode(201).header("Location", startsWith(LocalPlatform.gateway() + "/fhir/ServiceRequest/"))
                .extract().header("Location");
        given().auth().oauth2(referrer).when().get(location).then().statusCode(200)
                .body(containsString("\"status\":\"active\""));
    }

    @Test
    void theGatewayIsReadyOnlyWithEveryServiceAndTheDirectoryHoldsTheDemoListings() throws Exception {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.'referral-service'", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'caseload-service'", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'directory-service'", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'outcomes-service'", equalTo("UP"));
        given().auth().oauth2(LocalPlatform.token("vcse-partner")).when().get("/api/directory/services")
                .then().statusCode(200).body("totalItems", greaterThanOrEqualTo(200));
        // the open-data feed needs no token and may be read from any web page
        given().when().get("/oruk/").then().statusCode(200).header("Access-Control-Allow-Origin", "*")
                .body("version", equalTo("HSDS-UK-3.0")).body("openapi_url", equalTo("http://127.0.0.1:18080/oruk/openapi.json"));
        given().when().get("/oruk/services").then().statusCode(200).header("Access-Control-Allow-Origin", "*")
                .body("total_items", greaterThanOrEqualTo(200)).body("contents[0].organization.name", notNullValue());
    }

    @Test
    void partnersGetOneApiDocumentAndTheEventCatalogue() {
        io.restassured.path.json.JsonPath doc = given().when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        java.util.Set<String> paths = doc.<String, Object>getMap("paths").keySet();
        for (String path : List.of("/api/referrals", "/fhir/ServiceRequest", "/api/caseload/cases", "/api/directory/search",
                "/oruk/services", "/api/outcomes/metrics/referrals")) {
            assertTrue(paths.contains(path), path + " is not in the document: " + paths);
        }
        org.junit.jupiter.api.Assertions.assertNull(doc.get("x-unavailable"));
        assertEquals("oauth2", doc.getString("components.securitySchemes.SecurityScheme.type"));
        // every reference points at a component the document holds
        String text = doc.prettify();
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"#/components/(\\w+)/([^\"]+)\"").matcher(text);
        while (refs.find()) {
            assertTrue(doc.<String, Object>getMap("components." + refs.group(1)).containsKey(refs.group(2)), "dangling " + refs.group());
        }
        given().when().get("/asyncapi.json").then().statusCode(200).body("asyncapi", equalTo("3.0.0"))
                .body("channels.'caseload-events'.bindings.kafka.partitions", equalTo(6));
    }

    /** Spectral, the OpenAPI and AsyncAPI linter, at a pinned version from the npm registry. */
    static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";

    @Test
    void theApiDocumentsLintCleanWithSpectral() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lint");
        java.nio.file.Files.writeString(dir.resolve("openapi.json"), given().when().get("/q/openapi").then().statusCode(200).extract().asString());
        java.nio.file.Files.writeString(dir.resolve("asyncapi.json"), given().when().get("/asyncapi.json").then().statusCode(200).extract().asString());
        for (String kind : List.of("openapi", "asyncapi")) {
            try (var ruleset = getClass().getResourceAsStream("/spectral/" + kind + ".yaml")) {
                java.nio.file.Files.copy(ruleset, dir.resolve(kind + "-rules.yaml"));
            }
            Process lint;
            try {
                lint = new ProcessBuilder("npx", "--yes", SPECTRAL, "lint", kind + ".json", "--ruleset", kind + "-rules.yaml",
                        "--fail-severity", "warn", "--format", "text").directory(dir.toFile()).redirectErrorStream(true).start();
            } catch (java.io.IOException e) {
                throw new AssertionError("npx (Node.js and npm) is needed to lint the API documents with Spectral: " + e.getMessage(), e);
            }
            String output = new String(lint.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(lint.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "Spectral did not finish");
            assertEquals(0, lint.exitValue(), kind + " does not lint clean:\n" + output);
        }
    }

    @Test
    void eachRoleGetsATokenThatTheServicesAccept() throws Exception {
        given().auth().oauth2(LocalPlatform.token("commissioner")).when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(200);
        // metrics are for commissioners and admin, not for a team lead
        given().auth().oauth2(LocalPlatform.token("link-worker-lead")).when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(LocalPlatform.token("admin")).when().get("/api/caseload/cases").then().statusCode(200);
        given().auth().oauth2(LocalPlatform.token("commissioner")).when().get("/api/caseload/cases")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
