package uk.socialprescribing.gateway;

import static io.restassured.RestAssured.given;
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
        given().when().get("/openapi/caseload-service")
                .then().statusCode(200).body("upstream", equalTo("caseload-service")).body("path", equalTo("/q/openapi"))
                .body("query", equalTo("format=json"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void anUnknownPathIsAProblem() {
        given().when().get("/nowhere").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aServiceThatDoesNotAnswerIsABadGatewayProblemNamingIt() {
        given().auth().oauth2(TestTokens.commissioner()).when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(502)
                .contentType("application/problem+json")
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
}
