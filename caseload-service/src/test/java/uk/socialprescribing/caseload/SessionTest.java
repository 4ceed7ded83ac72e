package uk.socialprescribing.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.socialprescribing.caseload.Caseloads.PCN;
import static uk.socialprescribing.caseload.Caseloads.addLinkWorker;
import static uk.socialprescribing.caseload.Caseloads.admin;
import static uk.socialprescribing.caseload.Caseloads.lead;
import static uk.socialprescribing.caseload.CaseWorkTest.etag;
import static uk.socialprescribing.caseload.CaseWorkTest.workerToken;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.caseload.service.CaseOpening;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;

/** Sessions: scheduled, recorded once, announced; first contact and the two-missed-in-a-row rule; private notes. */
@QuarkusTest
class SessionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    CaseOpening caseOpening;

    String worker;
    String caseId;

    @BeforeEach
    void aCaseWithItsLinkWorker() {
        Caseloads.emptyThePcn(entityManager);
        worker = "sessions-" + UUID.randomUUID();
        addLinkWorker(admin(), worker, List.of("en"), 5, 225);
        caseId = Caseloads.openCase(caseOpening, "routine");
    }

    String schedule(String kind, String mode) {
        return given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON)
                .body("{\"kind\": \"%s\", \"mode\": \"%s\", \"scheduledFor\": \"%s\", \"durationMinutes\": 60}"
                        .formatted(kind, mode, Instant.now().minus(1, ChronoUnit.HOURS)))
                .when().post("/api/caseload/cases/{id}/sessions", caseId)
                .then().statusCode(201).header("ETag", equalTo("\"0\"")).extract().path("id");
    }

    ValidatableResponse record(String token, String sessionId, String ifMatch, String outcome) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"outcome\": \"" + outcome + "\", \"notes\": \"Private note about " + outcome + "\"}");
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/caseload/cases/{id}/sessions/{sid}/record", caseId, sessionId).then();
    }

    @Test
    void anAttendedSessionIsFirstContactAndIsAnnouncedNumberedFromOne() {
        String first = schedule("initial-conversation", "home-visit");
        record(workerToken(worker), first, "\"0\"", "attended").statusCode(200).body("outcome", equalTo("attended"));
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", caseId).then()
                .body("sessionsAttended", equalTo(1)).body("firstContactAt", notNullValue()).body("flags", equalTo(List.of()));
        List<Published> events = PublishedEvents.await(kafka, "caseload-events", 1, Duration.ofSeconds(30),
                p -> caseId.equals(p.key()) && "session.completed.v1".equals(p.event().getType()));
        assertEquals(1, events.size());
        assertEquals(List.of(), EventSchemas.violations(EventType.SESSION_COMPLETED, events.get(0).data()));
        assertEquals(1, events.get(0).data().get("sessionNumber").asInt());
        assertEquals("in-person", events.get(0).data().get("mode").asText());
    }

    @Test
    void twoMissedInARowFlagTheCaseACancellationDoesNotBreakTheRunAndAttendingClearsIt() {
        record(workerToken(worker), schedule("follow-up", "phone"), "\"0\"", "did-not-attend").statusCode(200);
        record(workerToken(worker), schedule("follow-up", "phone"), "\"0\"", "cancelled").statusCode(200);
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", caseId).then().body("flags", not(hasItem("missed-two-in-a-row")));
        record(workerToken(worker), schedule("follow-up", "phone"), "\"0\"", "did-not-attend").statusCode(200);
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", caseId).then().body("flags", hasItem("missed-two-in-a-row"));
        List<Published> missed = PublishedEvents.await(kafka, "caseload-events", 2, Duration.ofSeconds(30),
                p -> caseId.equals(p.key()) && "session.missed.v1".equals(p.event().getType()));
        assertEquals(2, missed.size());
        assertEquals(List.of(), EventSchemas.violations(EventType.SESSION_MISSED, missed.get(0).data()));
        record(workerToken(worker), schedule("follow-up", "video"), "\"0\"", "attended").statusCode(200);
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", caseId).then().body("flags", not(hasItem("missed-two-in-a-row")));
    }

    @Test
    void aCaseWithoutFirstContactPastItsTargetIsFlagged() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update care_case set opened_at = opened_at - interval '20 days', first_contact_due_by = now() - interval '6 days' where id = :id")
                .setParameter("id", UUID.fromString(caseId)).executeUpdate());
        given().auth().oauth2(lead(PCN)).when().get("/api/caseload/cases/{id}", caseId).then()
                .body("flags", hasItem("first-contact-late")).body("firstContactDueBy", notNullValue());
    }

    @Test
    void aSessionIsRecordedOnceWithIfMatchByItsCasesLinkWorkerOrLead() {
        String session = schedule("review", "face-to-face");
        record(workerToken(worker), session, null, "attended").statusCode(428);
        record(workerToken(worker), session, "\"3\"", "attended").statusCode(412);
        record(workerToken("someone-else"), session, "\"0\"", "attended").statusCode(404);
        record(workerToken(worker), UUID.randomUUID().toString(), "\"0\"", "attended").statusCode(404)
                .body("type", equalTo("urn:social-prescribing:problem:session-not-found"));
        record(lead(PCN), session, "\"0\"", "attended").statusCode(200);
        record(workerToken(worker), session, "\"1\"", "did-not-attend").statusCode(409)
                .body("type", equalTo("urn:social-prescribing:problem:session-recorded"));
        given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON)
                .body("{\"kind\": \"chat\", \"mode\": \"phone\", \"scheduledFor\": \"2026-12-01T10:00:00Z\", \"durationMinutes\": 1}")
                .when().post("/api/caseload/cases/{id}/sessions", caseId)
                .then().statusCode(400);
        // every bad value of a body in one answer: the forms Jackson cannot read, and the constraints, together
        given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON)
                .body("{\"kind\": \"chat\", \"mode\": \"bus\", \"scheduledFor\": \"soon\", \"durationMinutes\": 1}")
                .when().post("/api/caseload/cases/{id}/sessions", caseId)
                .then().statusCode(400).contentType("application/problem+json").body("detail", equalTo("4 fields are not valid"))
                .body("errors.field", equalTo(List.of("durationMinutes", "kind", "mode", "scheduledFor")))
                .body("errors.rule", equalTo(List.of("Min", "Format", "Format", "Format")));
    }

    String scheduleAt(Instant at) {
        return given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON)
                .body("{\"kind\": \"follow-up\", \"mode\": \"phone\", \"scheduledFor\": \"%s\", \"durationMinutes\": 30}".formatted(at))
                .when().post("/api/caseload/cases/{id}/sessions", caseId).then().statusCode(201).extract().path("id");
    }

    @Test
    void aSessionIsNeverDatedBeforeItsReferralNorRecordedAsHeldBeforeItsTime() {
        // the referral arrived 60 days ago: a session 61 days back would make the wait to first contact negative
        given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON)
                .body("{\"kind\": \"initial-conversation\", \"mode\": \"phone\", \"scheduledFor\": \"%s\", \"durationMinutes\": 30}"
                        .formatted(Instant.now().minus(61, ChronoUnit.DAYS)))
                .when().post("/api/caseload/cases/{id}/sessions", caseId)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("scheduledFor"))
                .body("errors[0].rule", equalTo("NotBeforeReferral"));
        // next week's session cannot be attended, nor missed, today; it can be called off in advance
        String nextWeek = scheduleAt(Instant.now().plus(7, ChronoUnit.DAYS));
        record(workerToken(worker), nextWeek, "\"0\"", "attended").statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("outcome")).body("errors[0].rule", equalTo("NotBeforeScheduledTime"));
        record(workerToken(worker), nextWeek, "\"0\"", "did-not-attend").statusCode(409);
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", caseId).then()
                .body("sessionsAttended", equalTo(0)).body("lastContactAt", nullValue());
        record(workerToken(worker), nextWeek, "\"0\"", "cancelled").statusCode(200);
        // one starting in five minutes may be written up now (it began a little early)
        record(workerToken(worker), scheduleAt(Instant.now().plus(5, ChronoUnit.MINUTES)), "\"0\"", "attended").statusCode(200);
    }

    @Test
    void aCaseWhoseAcceptanceDidNotSayWhenItsReferralCameIsBoundedByItsOpening() {
        UUID referral = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> caseOpening.openFor(
                new uk.socialprescribing.events.referral.ReferralAccepted(referral, Caseloads.PRACTICE, Instant.now())));
        String opened = given().auth().oauth2(admin()).queryParam("referralId", referral).when().get("/api/caseload/cases")
                .then().statusCode(200).extract().path("contents[0].id");
        given().auth().oauth2(lead(PCN)).contentType(ContentType.JSON)
                .body("{\"kind\": \"initial-conversation\", \"mode\": \"phone\", \"scheduledFor\": \"%s\", \"durationMinutes\": 30}"
                        .formatted(Instant.now().minus(1, ChronoUnit.DAYS)))
                .when().post("/api/caseload/cases/{id}/sessions", opened)
                .then().statusCode(400).body("errors[0].rule", equalTo("NotBeforeReferral"));
    }

    @Test
    void aListedSessionSaysWhatToSendInIfMatchToRecordIt() {
        String session = schedule("initial-conversation", "phone");
        String etag = given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}/sessions", caseId)
                .then().statusCode(200).body("[0].id", equalTo(session)).extract().path("[0].etag");
        record(workerToken(worker), session, etag, "attended").statusCode(200);
        String after = given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}/sessions", caseId)
                .then().statusCode(200).extract().path("[0].etag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, after);
        // the version listed before the record is stale now
        given().auth().oauth2(workerToken(worker)).header("If-Match", etag).contentType(ContentType.JSON).body("{\"outcome\": \"cancelled\"}")
                .when().post("/api/caseload/cases/{id}/sessions/{s}/record", caseId, session).then().statusCode(412);
    }

    @Test
    void notesAreForTheCasesLinkWorkerAndLeadOnly() {
        record(workerToken(worker), schedule("initial-conversation", "phone"), "\"0\"", "attended").statusCode(200);
        given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}/sessions", caseId)
                .then().statusCode(200).body("[0].notes", equalTo("Private note about attended"));
        given().auth().oauth2(lead(PCN)).when().get("/api/caseload/cases/{id}/sessions", caseId)
                .then().statusCode(200).body("[0].notes", equalTo("Private note about attended"));
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}/sessions", caseId)
                .then().statusCode(200).body("[0].outcome", equalTo("attended")).body("[0].notes", nullValue());
        given().auth().oauth2(lead("U84002")).when().get("/api/caseload/cases/{id}/sessions", caseId).then().statusCode(404);
    }

    @Test
    void theClosureCarriesTheSessionsAttended() {
        record(workerToken(worker), schedule("initial-conversation", "phone"), "\"0\"", "attended").statusCode(200);
        record(workerToken(worker), schedule("follow-up", "phone"), "\"0\"", "attended").statusCode(200);
        record(workerToken(worker), schedule("follow-up", "phone"), "\"0\"", "did-not-attend").statusCode(200);
        given().auth().oauth2(workerToken(worker)).header("If-Match", etag(caseId)).contentType(ContentType.JSON)
                .body("{\"reason\": \"goals-met\"}").when().post("/api/caseload/cases/{id}/close", caseId).then().statusCode(200);
        List<Published> closed = PublishedEvents.await(kafka, "caseload-events", 1, Duration.ofSeconds(30),
                p -> caseId.equals(p.key()) && "case.closed.v1".equals(p.event().getType()));
        assertEquals(2, closed.get(0).data().get("sessionsCompleted").asInt());
        given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON)
                .body("{\"kind\": \"final\", \"mode\": \"phone\", \"scheduledFor\": \"2026-12-01T10:00:00Z\", \"durationMinutes\": 30}")
                .when().post("/api/caseload/cases/{id}/sessions", caseId)
                .then().statusCode(409).body("type", equalTo("urn:social-prescribing:problem:case-closed"));
    }
}
