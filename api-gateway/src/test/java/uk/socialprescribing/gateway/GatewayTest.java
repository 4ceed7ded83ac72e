package uk.socialprescribing.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import uk.socialprescribing.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.GLOBAL)
class GatewayTest {

    @ParameterizedTest
    @CsvSource({
            "/api/referrals, referral-service",
            "/api/referrals/0b0e4f5c-1c7e-4e52-9a43-5a8a0c1a2b01/accept, referral-service",
            "/fhir/ServiceRequest, referral-service",
            "/api/caseload/cases, caseload-service",
            "/api/directory/services, directory-service" })
    void eachRouteReachesItsServiceWithTheCallersToken(String path, String upstream) {
        given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().get(path + "?page=2")
                .then().statusCode(200)
                .body("upstream", equalTo(upstream))
                .body("path", equalTo(path))
                .body("query", equalTo("page=2"))
                .body("token", equalTo(true));
    }

    @Test
    void theServiceHearsTheClientsAddressAndThePublicHostAndNoForwardingHeaderAClientMadeUp() {
        given().contentType(ContentType.JSON).body("{}")
                .header("X-Forwarded-For", "6.6.6.6").header("Forwarded", "for=6.6.6.6;host=evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .when().post("/api/self-referrals")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedHost", org.hamcrest.Matchers.matchesPattern("(localhost|127\\.0\\.0\\.1):\\d+"))
                .body("forwardedProto", equalTo("http"))
                .body("forwarded", equalTo("null"));
    }

    @Test
    void aPostIsForwardedWithItsBody() {
        given().auth().oauth2(TestTokens.gpPracticeSystem("B82005")).contentType(ContentType.JSON).body("{\"reason\":\"lonely\"}")
                .when().post("/api/referrals")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("body", equalTo("{'reason':'lonely'}"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/referrals", "/api/referrals/x", "/fhir/ServiceRequest", "/api/caseload/cases",
            "/api/directory/services", "/api/outcomes/metrics/referrals" })
    void withoutATokenTheGatewayAnswers401AndNothingReachesTheService(String path) {
        given().when().get(path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @jakarta.inject.Inject
    VerifiedTokens verifiedTokens;

    /**
     * A token's next request is authenticated from the gateway's memory of it; a token that only resembles it (its
     * signature changed) is not, and is refused.
     */
    @Test
    void aVerifiedTokenIsRememberedAndATamperedOneIsStillRefused() {
        String token = TestTokens.linkWorker("U84002");
        given().auth().oauth2(token).when().get("/api/caseload/cases").then().statusCode(200).body("token", equalTo(true));
        long before = verifiedTokens.hits();
        given().auth().oauth2(token).when().get("/api/caseload/cases").then().statusCode(200).body("token", equalTo(true));
        assertEquals(before + 1, verifiedTokens.hits(), "remembered: " + verifiedTokens.size());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).when().get("/api/caseload/cases").then().statusCode(401).contentType("application/problem+json");
        assertEquals(before + 1, verifiedTokens.hits());
    }

    @Test
    void anInvalidTokenIsUnauthorizedAsAProblem() {
        given().auth().oauth2("not.a.token").when().get("/api/caseload/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({ "/api/self-referrals, referral-service", "/oruk/services, directory-service" })
    void publicRoutesNeedNoToken(String path, String upstream) {
        given().when().get(path).then().statusCode(200).body("upstream", equalTo(upstream)).body("token", equalTo(false));
    }

    @Test
    void aPathThatOnlyStartsLikeARouteIsNotRouted() {
        given().auth().oauth2(TestTokens.linkWorker("U84002")).when().get("/api/referralsX")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void eachServicesOpenApiIsServedForTheSwaggerUi() {
        // the service's own document, as the service serves it at /q/openapi
        given().when().get("/openapi/caseload-service")
                .then().statusCode(200).body("info.title", equalTo("caseload-service"))
                .body("paths.'/api/caseload-service/things'.get.operationId", equalTo("list"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void anUnknownPathIsAProblem() {
        given().when().get("/nowhere").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aServiceThatDoesNotAnswerIsAServiceUnavailableProblemNamingIt() {
        given().auth().oauth2(TestTokens.commissioner()).when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("outcomes-service"));
    }

    @Test
    void readinessReportsEveryUpstream() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'upstreams' }.data.'referral-service'", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'caseload-service'", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'directory-service'", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'outcomes-service'", startsWith("DOWN"));
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "gateway.upstreams.caseload-service")
    java.net.URI caseload;

    void failing(boolean on) {
        given().baseUri(caseload.toString()).when().get("/__control/failing?on=" + on).then().statusCode(204);
    }

    @Test
    void aFailingServiceOpensItsCircuitAndTheGatewayRecoversByItself() throws Exception {
        String token = TestTokens.linkWorker("U84002");
        failing(true);
        try {
            // the service's own 500s are passed on until the circuit opens; then the gateway answers 503 at once
            int passedOn = 0;
            int status = 0;
            for (int i = 0; i < 6 && status != 503; i++) {
                status = given().auth().oauth2(token).when().get("/api/caseload/flaky").then().extract().statusCode();
                passedOn += status == 500 ? 1 : 0;
            }
            org.junit.jupiter.api.Assertions.assertTrue(passedOn >= 1, "no 500 was passed on before the circuit opened");
            given().auth().oauth2(token).when().get("/api/caseload/flaky").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", equalTo("1"))
                    .body("detail", containsString("caseload-service has been failing"));
        } finally {
            failing(false);
        }
        // after the reset time (1 s in tests) one request tries, succeeds, and the circuit closes: no restart needed
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(300)).until(() ->
                given().auth().oauth2(token).when().get("/api/caseload/flaky").then().extract().statusCode() == 200);
        given().auth().oauth2(token).when().get("/api/caseload/cases").then().statusCode(200);
    }

    @Test
    void aServiceTooSlowToAnswerIsAServiceUnavailableProblemWithinTheTimeout() {
        long started = System.nanoTime();
        given().auth().oauth2(TestTokens.linkWorker("U84002")).when().get("/api/caseload/slow").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("did not answer within 3 seconds"));
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        org.junit.jupiter.api.Assertions.assertTrue(seconds < 5, "answered after " + seconds + " s");
    }

    @Test
    void aRequestIdIsKeptOrMadeAndPassedOnToTheService() {
        given().auth().oauth2(TestTokens.linkWorker("U84002")).header("X-Request-Id", "gp-system-42.req-7").when().get("/api/caseload/cases")
                .then().statusCode(200).header("X-Request-Id", "gp-system-42.req-7").body("requestId", equalTo("gp-system-42.req-7"));
        String made = given().auth().oauth2(TestTokens.linkWorker("U84002")).when().get("/api/caseload/cases").then().statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}")).extract().header("X-Request-Id");
        given().auth().oauth2(TestTokens.linkWorker("U84002")).when().get("/api/caseload/cases").then().body("requestId",
                org.hamcrest.Matchers.not(equalTo(made)));
        // one a log line could be forged with is replaced
        given().auth().oauth2(TestTokens.linkWorker("U84002")).header("X-Request-Id", "x\tinjected log line").when().get("/api/caseload/cases")
                .then().header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndPersonalDataIsNeverCached() {
        given().auth().oauth2(TestTokens.linkWorker("U84002")).when().get("/api/caseload/cases").then().statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age=")).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        given().when().get("/oruk/services").then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", org.hamcrest.Matchers.nullValue());
        given().when().get("/nowhere").then().statusCode(404).header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void aBodyOverTheLimitIsAPayloadTooLargeProblem() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) 'a');
        given().auth().oauth2(TestTokens.gpPracticeSystem("B82005")).contentType(ContentType.JSON).body(body).when().post("/api/referrals")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("10485760"));
    }

    @Test
    void aPathOrQueryOverTheLimitIsAUriTooLongProblem() {
        // a request line over 4,096 bytes: the HTTP layer alone would answer an empty 414 (the fuzz run found them)
        given().auth().oauth2(TestTokens.gpPracticeSystem("B82005")).queryParam("q", "a".repeat(12_000)).when().get("/api/referrals")
                .then().statusCode(414).contentType("application/problem+json").body("type", containsString("uri-too-long"))
                .body("detail", containsString("4000"));
    }

    @Test
    void aCredentialOtherThanABearerTokenIsRefusedEvenOnAPublicRoute() {
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").when().get("/oruk/services")
                .then().statusCode(401).contentType("application/problem+json").body("detail", containsString("bearer"));
    }

    @Test
    void aBodyInACharsetThereIsNoReadingOfIsAnUnsupportedMediaTypeProblem() throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/referrals"))
                .header("Authorization", "Bearer " + TestTokens.gpPracticeSystem("B82005"))
                .header("Content-Type", "application/json; charset=bogus")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(415, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals("UTF-8", Charsets.charsetOf("application/json; charset=\"UTF-8\""));
        assertEquals(true, Charsets.knownCharset("ISO-8859-1"));
        assertEquals(false, Charsets.knownCharset("bogus"));
    }

    @Test
    void aPathWithADotSegmentOrATrailingSlashNamesNothing() {
        given().auth().oauth2(TestTokens.gpPracticeSystem("B82005")).urlEncodingEnabled(false).when().get("/api/referrals/x/..")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.gpPracticeSystem("B82005")).when().get("/api/referrals/")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("slash"));
    }

    @Test
    void aClientOverItsRateIsTooManyRequestsWithRetryAfter() {
        // in tests a client may make 40 requests a minute (refilled evenly, so a few more get through while they are sent)
        String token = TestTokens.withRoles("rate-test-" + java.util.UUID.randomUUID(), java.util.List.of("link-worker"),
                java.util.Map.of("pcn", "U84002", "azp", "client-" + java.util.UUID.randomUUID()));
        int passed = 0;
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            io.restassured.response.Response response = given().auth().oauth2(token).when().get("/api/caseload/cases");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                passed++;
            }
        }
        org.junit.jupiter.api.Assertions.assertNotNull(refused, "never refused");
        org.junit.jupiter.api.Assertions.assertTrue(passed >= 40 && passed < 60, passed + " passed");
        refused.then().contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("your client"));
        // another client is not held back by it
        given().auth().oauth2(TestTokens.linkWorker("U84002")).when().get("/api/caseload/cases").then().statusCode(200);
    }

    @Test
    void oneOpenApiDocumentHoldsEveryServicesOperationsWithTheOidcScheme() {
        io.restassured.path.json.JsonPath doc = given().when().get("/q/openapi").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertTrue(doc.getMap("paths").keySet().containsAll(java.util.List.of("/api/referral-service/things",
                "/api/caseload-service/things", "/api/directory-service/things")), doc.getMap("paths").keySet().toString());
        // the same Problem is kept once; each service's own Page under its own name, and its references follow
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("Problem", "Page", "DirectoryPage", "ReferralPage"),
                doc.getMap("components.schemas").keySet());
        org.junit.jupiter.api.Assertions.assertEquals("#/components/schemas/ReferralPage",
                doc.getString("paths.'/api/referral-service/things'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
        org.junit.jupiter.api.Assertions.assertEquals(3, new java.util.HashSet<>(doc.getList("paths.collect { it.value.get.operationId }")).size());
        org.junit.jupiter.api.Assertions.assertEquals("oauth2", doc.getString("components.securitySchemes.SecurityScheme.type"));
        org.junit.jupiter.api.Assertions.assertNotNull(doc.getString("components.securitySchemes.SecurityScheme.flows.clientCredentials.tokenUrl"));
        org.junit.jupiter.api.Assertions.assertNotNull(doc.getString("components.securitySchemes.SecurityScheme.flows.authorizationCode.authorizationUrl"));
        // a service that does not answer is named, and the document is not kept
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("outcomes-service"), doc.getList("x-unavailable"));
    }

    @Test
    void theEventCatalogueIsServedAsAsyncApi() {
        given().when().get("/asyncapi.json").then().statusCode(200).contentType("application/json")
                .body("asyncapi", equalTo("3.0.0")).body("channels.'referral-events'.bindings.kafka.partitions", equalTo(6))
                .body("components.messages.'referral.accepted.v1'.headers.properties.ce_type.const", equalTo("referral.accepted.v1"));
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "gateway.upstreams.directory-service")
    java.net.URI directory;

    @Test
    void anIdempotentRequestIsSentAgainWhenItsServiceDroppedItAndOthersAreNot() {
        String token = TestTokens.linkWorker("U84002");
        String key = java.util.UUID.randomUUID().toString();
        // the first try's connection is closed without an answer; the gateway tries again and the caller sees the answer
        given().auth().oauth2(token).queryParam("key", key).when().get("/api/directory/drops-once")
                .then().statusCode(200).body("tries", equalTo(2));
        // a POST is not sent twice: the caller hears that the service did not answer, and the service saw it once
        given().auth().oauth2(token).queryParam("key", key).contentType(ContentType.JSON).body("{}").when().post("/api/directory/drops-once")
                .then().statusCode(503).contentType("application/problem+json").body("detail", containsString("directory-service is not answering"));
        given().baseUri(directory.toString()).when().get("/__control/tries?POST%20key=" + key).then().statusCode(200).body(equalTo("1"));
    }

    @Test
    void theConfiguredFrontendsMayCallFromABrowserAndAnyOriginMayReadTheOrukFeed() {
        String frontend = "http://localhost:3000";
        given().header("Origin", frontend).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").when().options("/api/referrals")
                .then().statusCode(204).header("Access-Control-Allow-Origin", frontend)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().auth().oauth2(TestTokens.linkWorker("U84002")).header("Origin", frontend).when().get("/api/caseload/cases")
                .then().statusCode(200).header("Access-Control-Allow-Origin", frontend).header("Vary", containsString("Origin"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
        // the gateway's own refusal is readable by the page too
        given().header("Origin", frontend).when().get("/api/caseload/cases")
                .then().statusCode(401).header("Access-Control-Allow-Origin", frontend);

        // another site's page may not call the API: its preflight is refused, and other answers carry no CORS header
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET").when().options("/api/caseload/cases")
                .then().statusCode(403).contentType("application/problem+json").header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue())
                .body("detail", containsString("https://elsewhere.example"));
        given().auth().oauth2(TestTokens.linkWorker("U84002")).header("Origin", "https://elsewhere.example").when().get("/api/caseload/cases")
                .then().statusCode(200).header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());

        // the open-data feed is open to every origin
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET").when().options("/oruk/services")
                .then().statusCode(204).header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.not(containsString("POST")));
        given().header("Origin", "https://elsewhere.example").when().get("/oruk/services")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*");
    }
}
