package uk.socialprescribing.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.socialprescribing.referral.Referrals.PCN;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.TestTokens;

/** The person's consents per purpose: recorded at intake, changed with If-Match, every change kept, told to other services. */
@QuarkusTest
class ConsentTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    static ValidatableResponse put(String token, String id, String etag, String changes) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"changes\": [" + changes + "]}");
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().put("/api/referrals/{id}/consents", id).then();
    }

    static String etag(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/referrals/{id}/consents", id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void theReferralsConsentsAreRecordedAtIntakeAndEachChangeIsKeptWithWhoAndWhen() {
        String id = Referrals.refer("B82005");
        String worker = TestTokens.linkWorker("lw-consent", PCN);
        given().auth().oauth2(worker).when().get("/api/referrals/{id}/consents", id).then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("purposes", hasSize(8))
                .body("purposes.find { it.purpose == 'referral' }.status", equalTo("given"))
                .body("purposes.find { it.purpose == 'referral' }.recordedBy", equalTo("B82005"))
                .body("purposes.find { it.purpose == 'share-outcome-with-referrer' }.holds", equalTo(true))
                .body("purposes.find { it.purpose == 'share-contact-with-provider' }.status", equalTo("not-recorded"))
                .body("purposes.find { it.purpose == 'share-contact-with-provider' }.holds", equalTo(false))
                .body("attention", hasSize(0)).body("history", hasSize(2));

        String review = LocalDate.now().plusMonths(6).toString();
        put(worker, id, "\"2\"", """
                {"purpose": "share-outcome-with-referrer", "status": "withdrawn", "note": "Asked at the second session"},
                {"purpose": "share-contact-with-provider", "status": "given", "reviewBy": "%s"},
                {"purpose": "contact-by-text", "status": "refused"}""".formatted(review))
                .statusCode(200).header("ETag", equalTo("\"5\""))
                .body("purposes.find { it.purpose == 'share-outcome-with-referrer' }.status", equalTo("withdrawn"))
                .body("purposes.find { it.purpose == 'share-outcome-with-referrer' }.recordedBy", equalTo("lw-consent"))
                .body("purposes.find { it.purpose == 'share-contact-with-provider' }.holds", equalTo(true))
                .body("purposes.find { it.purpose == 'share-contact-with-provider' }.reviewBy", equalTo(review))
                .body("history", hasSize(5))
                .body("history[4].purpose", equalTo("referral"));
        // the referral says where sharing the outcome now stands
        given().auth().oauth2(worker).when().get("/api/referrals/{id}", id).then().body("consentToShareOutcome", equalTo(false));
        // repeating where a purpose stands records nothing; the version stays
        put(worker, id, "\"5\"", "{\"purpose\": \"contact-by-text\", \"status\": \"refused\"}").statusCode(200)
                .header("ETag", equalTo("\"5\"")).body("history", hasSize(5));
        // the referrer records that the person gave it again
        put(Referrals.gp("B82005"), id, "\"5\"", "{\"purpose\": \"share-outcome-with-referrer\", \"status\": \"given\"}").statusCode(200)
                .header("ETag", equalTo("\"6\""))
                .body("history.findAll { it.purpose == 'share-outcome-with-referrer' }.status", equalTo(List.of("given", "withdrawn", "given")));

        // other services hear every purpose's status, in codes and dates only
        List<Published> events = PublishedEvents.await(kafka, "referral-events", 3, Duration.ofSeconds(30),
                p -> id.equals(p.key()) && p.event().getType().equals("consent.changed.v1"));
        for (Published event : events) {
            assertEquals(List.of(), EventSchemas.violations(EventType.CONSENT_CHANGED, event.data()));
            assertFalse(event.data().toString().contains("second session") || event.data().toString().contains("lw-consent"), event.data().toString());
        }
        var last = events.get(1).data().get("purposes");
        java.util.Map<String, String> statuses = new java.util.TreeMap<>();
        last.forEach(p -> statuses.put(p.get("purpose").asText(), p.get("status").asText() + (p.hasNonNull("reviewBy") ? " until "
                + p.get("reviewBy").asText() : "")));
        assertEquals(java.util.Map.of("referral", "given", "share-outcome-with-referrer", "withdrawn", "share-contact-with-provider",
                "given until " + review, "contact-by-text", "refused"), statuses);

        // every read is audited
        given().auth().oauth2(Referrals.admin()).queryParam("subjectId", id).queryParam("readBy", "lw-consent").when().get("/api/referrals/audit")
                .then().statusCode(200).body("contents.purpose", hasItem("consents"));
    }

    @Test
    void aChangeNeedsTheVersionReadAndKeepsTheRules() {
        String id = Referrals.refer("B82005");
        String worker = Referrals.linkWorker(PCN);
        String change = "{\"purpose\": \"contact-by-email\", \"status\": \"given\"}";
        put(worker, id, null, change).statusCode(428).contentType("application/problem+json");
        put(worker, id, "\"1\"", change).statusCode(412).contentType("application/problem+json");
        String etag = etag(worker, id);
        put(worker, id, etag, """
                {"purpose": "referral", "status": "not-sought"},
                {"purpose": "share-contact-with-provider", "status": "given", "reviewBy": "%s"},
                {"purpose": "contact-by-phone", "status": "refused", "bestInterestsDecidedBy": "Dr Patel", "bestInterestsDecidedOn": "2026-01-02"},
                {"purpose": "contact-by-phone", "status": "given"}""".formatted(LocalDate.now().minusDays(1)))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("changes[0].notSoughtReason", "changes[1].reviewBy", "changes[2].bestInterestsDecidedBy",
                        "changes[3].purpose")))
                .body("errors.rule", equalTo(List.of("RequiredWhenNotSought", "NotInPast", "OnlyForReferralNotSought", "OncePerChange")));
        put(worker, id, etag, "{\"purpose\": \"sharing-with-everyone\", \"status\": \"given\"}").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("changes[0].purpose"));
        put(worker, id, etag, "{\"purpose\": \"contact-by-phone\", \"status\": \"maybe\"}").statusCode(400)
                .body("errors[0].field", equalTo("changes[0].status"));
        given().auth().oauth2(worker).header("If-Match", etag).contentType(ContentType.JSON).body("{\"changes\": []}")
                .when().put("/api/referrals/{id}/consents", id).then().statusCode(400).body("errors[0].field", equalTo("changes"));
        // a best-interests decision for the referral, when the person could not be asked
        put(worker, id, etag, """
                {"purpose": "referral", "status": "not-sought", "notSoughtReason": "Lacks capacity to decide about sharing, assessed on 2 January",
                 "bestInterestsDecidedBy": "Dr Asha Patel, GP", "bestInterestsDecidedOn": "%s"}""".formatted(LocalDate.now()))
                .statusCode(200).body("purposes.find { it.purpose == 'referral' }.status", equalTo("not-sought"))
                .body("purposes.find { it.purpose == 'referral' }.bestInterestsDecidedBy", equalTo("Dr Asha Patel, GP"));
    }

    @Test
    void onlyThoseWhoSeeTheReferralReadOrChangeItsConsents() {
        String id = Referrals.refer("B82005");
        given().auth().oauth2(Referrals.gp("B82026")).when().get("/api/referrals/{id}/consents", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Referrals.linkWorker("U99999")).when().get("/api/referrals/{id}/consents", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.commissioner()).when().get("/api/referrals/{id}/consents", id).then().statusCode(403);
        given().when().get("/api/referrals/{id}/consents", id).then().statusCode(401);
        given().auth().oauth2(Referrals.admin()).when().get("/api/referrals/{id}/consents", id).then().statusCode(200);
        put(Referrals.admin(), id, "\"2\"", "{\"purpose\": \"contact-by-phone\", \"status\": \"given\"}").statusCode(403);
        put(Referrals.gp("B82026"), id, "\"2\"", "{\"purpose\": \"contact-by-phone\", \"status\": \"given\"}").statusCode(404);
    }
}
