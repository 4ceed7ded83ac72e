package uk.socialprescribing.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The skeleton proved end to end, on the real parts: a GP practice system refers a person through the gateway
 * with a real Keycloak token; referral-service emits referral.received; a link worker accepts, which emits
 * referral.accepted; caseload-service opens a case from it; outcomes-service counts both.
 */
class ThinSliceTest {

    static final String REFERRAL = """
            {"person": {"nhsNumber": "9434765919", "givenName": "Richard", "familyName": "Smith", "dateOfBirth": "1948-03-12"},
             "reason": "Widowed last year, rarely goes out; would like to join a walking group", "consentGiven": true}""";

    @BeforeAll
    static void startThePlatform() throws Exception {
        LocalPlatform.run("down");
        LocalPlatform.dropDatabases();
        LocalPlatform.run("up");
        RestAssured.baseURI = LocalPlatform.gateway();
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        LocalPlatform.run("down");
    }

    @Test
    void aReferralTravelsFromTheGpPracticeToACaseAndIntoTheCommissionersMetrics() throws Exception {
        String referrer = LocalPlatform.token("referrer");
        String linkWorker = LocalPlatform.token("link-worker");
        String commissioner = LocalPlatform.token("commissioner");

        given().contentType(ContentType.JSON).body(REFERRAL).when().post("/api/referrals")
                .then().statusCode(401).contentType("application/problem+json");

        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            referrals.add(given().auth().oauth2(referrer).contentType(ContentType.JSON).body(REFERRAL)
                    .when().post("/api/referrals")
                    .then().statusCode(201).body("referrerOdsCode", equalTo("B82005"))
                    .extract().path("id"));
        }
        for (String id : referrals) {
            given().auth().oauth2(linkWorker).when().post("/api/referrals/{id}/accept", id)
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        }

        for (String id : referrals) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().auth().oauth2(linkWorker).queryParam("referralId", id).when().get("/api/caseload/cases")
                            .then().statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("OPEN")));
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                LocalPlatform.count("outcomes_e2e", "select coalesce(sum(accepted), 0) from referral_activity") == 8);
        assertEquals(8, LocalPlatform.count("outcomes_e2e", "select sum(received) from referral_activity"));
        // published to commissioners with NHS small-number rounding: 8 becomes 10
        given().auth().oauth2(commissioner).when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(200)
                .body("months", hasSize(1))
                .body("months[0].referralsReceived", equalTo(10))
                .body("months[0].referralsAccepted", equalTo(10));

        // nothing that identifies a person reached the outcomes database
        assertEquals(0, LocalPlatform.count("outcomes_e2e",
                "select count(*) from information_schema.columns where table_schema = 'public' "
                        + "and column_name ~ '(nhs|name|birth|address|postcode|phone|email)'"));
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
    }

    @Test
    void eachRoleGetsATokenThatTheServicesAccept() throws Exception {
        given().auth().oauth2(LocalPlatform.token("link-worker-lead")).when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(200);
        given().auth().oauth2(LocalPlatform.token("admin")).when().get("/api/caseload/cases").then().statusCode(200);
        given().auth().oauth2(LocalPlatform.token("commissioner")).when().get("/api/caseload/cases")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
