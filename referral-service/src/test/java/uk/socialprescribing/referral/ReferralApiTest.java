package uk.socialprescribing.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.referral.repository.PersonalDataReads;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.TestTokens;

@QuarkusTest
class ReferralApiTest {

    static final String PRACTICE = "B82005";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PersonalDataReads reads;

    static String referral(String nhsNumber) {
        return """
                {"person": {"nhsNumber": "%s", "givenName": "Richard", "familyName": "Smith",
                            "dateOfBirth": "1948-03-12", "contactPhone": "07700 900123"},
                 "reason": "Widowed last year and rarely leaves the house; would like to meet people",
                 "consentGiven": true}""".formatted(nhsNumber);
    }

    static String refer(String practice) {
        return given().auth().oauth2(TestTokens.gpPracticeSystem(practice)).contentType(ContentType.JSON)
                .body(referral("9434765919"))
                .when().post("/api/referrals")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aGpPracticeSystemRefersAPersonAndReferralReceivedIsPublished() {
        String id = given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE)).contentType(ContentType.JSON)
                .body(referral("9434765919"))
                .when().post("/api/referrals")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("Location", containsString("/api/referrals/"))
                .body("status", equalTo("RECEIVED"))
                .body("referrerOdsCode", equalTo(PRACTICE))
                .body("person.nhsNumber", equalTo("9434765919"))
                .extract().path("id");

        List<Published> events = PublishedEvents.await(kafka, "referral-events", 1, Duration.ofSeconds(30),
                p -> id.equals(p.key()));
        assertEquals(1, events.size());
        Published received = events.get(0);
        assertEquals("referral.received.v1", received.event().getType());
        assertEquals("/referral-service", received.event().getSource().toString());
        assertEquals(id, received.event().getSubject());
        assertEquals("urn:social-prescribing:events:referral.received.v1", received.event().getDataSchema().toString());
        assertEquals(List.of(), EventSchemas.violations(EventType.REFERRAL_RECEIVED, received.data()));
        assertEquals("gp-practice", received.data().get("referrerType").asText());
        assertFalse(received.data().toString().contains("9434765919"), "an event carried the NHS number");
        assertFalse(received.data().toString().contains("Smith"), "an event carried the person's name");
    }

    @Test
    void acceptingAReferralPublishesReferralAcceptedAfterReferralReceived() {
        String id = refer(PRACTICE);
        given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().post("/api/referrals/{id}/accept", id)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));

        List<Published> events = PublishedEvents.await(kafka, "referral-events", 2, Duration.ofSeconds(30),
                p -> id.equals(p.key()));
        assertEquals(List.of("referral.received.v1", "referral.accepted.v1"),
                events.stream().map(p -> p.event().getType()).toList());
        assertEquals(List.of(), EventSchemas.violations(EventType.REFERRAL_ACCEPTED, events.get(1).data()));
        assertEquals(PRACTICE, events.get(1).data().get("practiceOdsCode").asText());
    }

    @Test
    void acceptingAnAcceptedReferralIsAConflict() {
        String id = refer(PRACTICE);
        String token = TestTokens.linkWorker("U84002");
        given().auth().oauth2(token).when().post("/api/referrals/{id}/accept", id).then().statusCode(200);
        given().auth().oauth2(token).when().post("/api/referrals/{id}/accept", id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:social-prescribing:problem:illegal-transition"))
                .body("status", equalTo(409))
                .body("detail", containsString("ACCEPTED"));
    }

    @Test
    void linkWorkersAcceptingAtTheSameMomentGetOneSuccessAndConflictsNeverAServerError() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = refer(PRACTICE);
            String token = TestTokens.linkWorker("U84002");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<Integer>> accepts = Collections.nCopies(6, () -> given().auth().oauth2(token)
                        .when().post("/api/referrals/{id}/accept", id).then().extract().statusCode());
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> status : pool.invokeAll(accepts)) {
                    statuses.add(status.get());
                }
                assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
                assertEquals(5, Collections.frequency(statuses, 409), statuses.toString());
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void acceptingAnUnknownReferralIsNotFound() {
        given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().post("/api/referrals/{id}/accept", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void withoutATokenItIsUnauthorizedAsAProblem() {
        given().contentType(ContentType.JSON).body(referral("9434765919"))
                .when().post("/api/referrals")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        String token = TestTokens.gpPracticeSystem(PRACTICE);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).contentType(ContentType.JSON).body(referral("9434765919"))
                .when().post("/api/referrals")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aLinkWorkerCannotRefer() {
        given().auth().oauth2(TestTokens.linkWorker("U84002")).contentType(ContentType.JSON).body(referral("9434765919"))
                .when().post("/api/referrals")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aReferrerTokenWithoutAnOdsCodeIsForbidden() {
        given().auth().oauth2(TestTokens.withRoles("client-x", List.of("referrer"), Map.of()))
                .contentType(ContentType.JSON).body(referral("9434765919"))
                .when().post("/api/referrals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("ods_code"));
    }

    @Test
    void invalidFieldsAreEachNamedWithTheirRule() {
        String body = """
                {"person": {"nhsNumber": "94347", "givenName": "", "familyName": "Smith", "dateOfBirth": "2999-01-01"},
                 "consentGiven": false}""";
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE)).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:social-prescribing:problem:validation"))
                .body("errors.field", hasItems("person.nhsNumber", "person.givenName", "person.dateOfBirth", "reason",
                        "consentGiven"))
                .body("errors.find { it.field == 'person.nhsNumber' }.rule", equalTo("Pattern"))
                .body("errors.find { it.field == 'consentGiven' }.rule", equalTo("AssertTrue"))
                .body("errors", hasSize(5));
    }

    @Test
    void aDateThatIsNotADateIsNamed() {
        String body = referral("9434765919").replace("1948-03-12", "12/03/1948");
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE)).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("person.dateOfBirth"))
                .body("errors[0].message", containsString("yyyy-mm-dd"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE)).contentType(ContentType.JSON).body("{\"person\": ")
                .when().post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void anEmptyBodyNamesTheReferralAsRequired() {
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE)).contentType(ContentType.JSON)
                .when().post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aReferrerReadsItsOwnReferralAndTheReadIsAudited() {
        String id = refer(PRACTICE);
        long before = reads.countFor(UUID.fromString(id));
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE))
                .when().get("/api/referrals/{id}", id)
                .then().statusCode(200).body("id", equalTo(id)).body("person.familyName", equalTo("Smith"));
        assertEquals(before + 1, reads.countFor(UUID.fromString(id)));
    }

    @Test
    void anotherPracticeCannotSeeTheReferral() {
        String id = refer(PRACTICE);
        given().auth().oauth2(TestTokens.gpPracticeSystem("Y01234"))
                .when().get("/api/referrals/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, reads.countFor(UUID.fromString(id)));
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedAsAProblem() {
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE)).contentType(ContentType.XML).body("<referral/>")
                .when().post("/api/referrals")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void anArrayWhereAnObjectBelongsIsNamed() {
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE)).contentType(ContentType.JSON)
                .body(referral("9434765919").replace("\"consentGiven\": true", "\"consentGiven\": [true]"))
                .when().post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("consentGiven"));
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE)).contentType(ContentType.JSON).body("[]")
                .when().post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownFieldIsNamedRatherThanSilentlyDropped() {
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE)).contentType(ContentType.JSON)
                .body(referral("9434765919").replace("\"consentGiven\"", "\"urgency\": \"high\", \"consentGiven\""))
                .when().post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("urgency"))
                .body("errors[0].rule", equalTo("UnknownField"));
    }

    @Test
    void anIdThatIsNotAUuidIsNotFound() {
        given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().post("/api/referrals/{id}/accept", "R-42")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aMethodThePathDoesNotAllowIsAProblem() {
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE))
                .when().delete("/api/referrals")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().auth().oauth2(TestTokens.gpPracticeSystem(PRACTICE))
                .when().get("/api/referrals/{id}/nothing-here", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentDescribesTheReferralOperations() {
        given().when().get("/q/openapi?format=json").then()
                .body("paths.'/api/referrals'.post.summary", equalTo("Refer a person to social prescribing"))
                .body("paths.'/api/referrals'.post.responses.'400'.content.'application/problem+json'", not(equalTo(null)))
                .body("paths.'/api/referrals/{id}/accept'.post.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/referrals/{id}'.get.responses.'403'.content.'application/problem+json'", not(equalTo(null)))
                .body("paths.'/api/referrals/{id}'.get.responses.'500'.content.'application/problem+json'", not(equalTo(null)))
                .body("components.schemas.Problem.properties.errors", not(equalTo(null)));
    }
}
