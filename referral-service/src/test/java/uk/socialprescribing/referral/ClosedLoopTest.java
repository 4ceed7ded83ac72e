package uk.socialprescribing.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.parsing.Parser;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.outcome.OutcomeRecorded;
import uk.socialprescribing.referral.feedback.ReferrerFeedback;
import uk.socialprescribing.referral.feedback.WebhookDispatcher;
import uk.socialprescribing.referral.service.Triage;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.TestEvents;

/** The loop back to the referrer: messages on every decision and at closure, in JSON, in FHIR and by webhook. */
@QuarkusTest
class ClosedLoopTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    ReferrerFeedback feedback;

    @Inject
    Triage triage;

    @Inject
    DataSource dataSource;

    static String registerWebhook(String token, String url) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"url\": \"" + url + "\"}")
                .when().post("/api/referrals/webhooks").then().statusCode(201)
                .header("Location", startsWith("http")).body("secret", startsWith("whsec_")).extract().asString();
    }

    @Test
    void eachMessageIsPostedSignedAndRetriedUntilDeliveredWithoutHoldingUpTriage() {
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            String practice = "B82026";
            String token = Referrals.gp(practice);
            var registered = io.restassured.path.json.JsonPath.from(registerWebhook(token, receiver.url()));
            String hookId = registered.getString("id");
            String secret = registered.getString("secret");

            String id = Referrals.refer(practice);
            long started = System.nanoTime();
            Referrals.accept(id).statusCode(200);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "triage waited for the webhook");

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.about(id).size() >= 3);
            List<WebhookReceiver.Received> posts = receiver.about(id);
            assertEquals(List.of(500, 500, 204), posts.stream().map(WebhookReceiver.Received::answeredWith).toList());
            WebhookReceiver.Received delivered = posts.get(2);
            long timestamp = Long.parseLong(delivered.header(WebhookDispatcher.TIMESTAMP));
            assertEquals("sha256=" + WebhookDispatcher.sign(secret, timestamp, delivered.body()), delivered.header(WebhookDispatcher.SIGNATURE));
            assertTrue(!("sha256=" + WebhookDispatcher.sign("whsec_wrong", timestamp, delivered.body()))
                    .equals(delivered.header(WebhookDispatcher.SIGNATURE)));
            var message = io.restassured.path.json.JsonPath.from(delivered.body());
            assertEquals("accepted", message.getString("kind"));
            assertEquals("871731000000106", message.getString("recordAs.code"));
            assertEquals(message.getString("messageId"), delivered.header(WebhookDispatcher.MESSAGE_ID));

            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token)
                    .when().get("/api/referrals/webhooks/{id}/deliveries", hookId)
                    .then().statusCode(200)
                    .body("find { it.messageId == '" + message.getString("messageId") + "' }.status", equalTo("DELIVERED"))
                    .body("find { it.messageId == '" + message.getString("messageId") + "' }.attemptLog.statusCode",
                            equalTo(List.of(500, 500, 204))));
            // another organisation cannot read this log, nor remove the webhook
            given().auth().oauth2(Referrals.gp("B82005")).when().get("/api/referrals/webhooks/{id}/deliveries", hookId)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:social-prescribing:problem:webhook-not-found"));
            given().auth().oauth2(Referrals.gp("B82005")).when().delete("/api/referrals/webhooks/{id}", hookId).then().statusCode(404);
            given().auth().oauth2(token).when().get("/api/referrals/webhooks").then().statusCode(200)
                    .body("find { it.id == '" + hookId + "' }.secret", nullValue());
            given().auth().oauth2(token).when().delete("/api/referrals/webhooks/{id}", hookId).then().statusCode(204);
        }
    }

    @Test
    void aWebhookThatNeverAnswersIsGivenUpAfterItsAttemptsAndTheLogSaysSo() {
        String token = Referrals.gp("B82018");
        String hookId = io.restassured.path.json.JsonPath.from(registerWebhook(token, "http://127.0.0.1:9/nobody-listens")).getString("id");
        String id = Referrals.refer("B82018");
        Referrals.decide(Referrals.linkWorker(Referrals.PCN), id, "decline", "\"0\"", "{\"reason\": \"outside-area\"}").statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/api/referrals/webhooks/{id}/deliveries", hookId)
                .then().statusCode(200).body("[0].status", equalTo("FAILED")).body("[0].attempts", equalTo(3))
                .body("[0].attemptLog", hasSize(3)).body("[0].attemptLog[0].error", notNullValue()));
        given().auth().oauth2(token).when().delete("/api/referrals/webhooks/{id}", hookId).then().statusCode(204);
    }

    @Test
    void aWebhookUrlMustBeAnAbsoluteHttpUrl() {
        for (String url : new String[] { "not a url", "ftp://example.org/x", "/relative", "https://user:pw@example.org/x" }) {
            given().auth().oauth2(Referrals.gp("B82005")).contentType(ContentType.JSON).body("{\"url\": \"" + url + "\"}")
                    .when().post("/api/referrals/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(Referrals.linkWorker(Referrals.PCN)).contentType(ContentType.JSON).body("{\"url\": \"https://x.example\"}")
                .when().post("/api/referrals/webhooks").then().statusCode(403);
    }

    @Test
    void aDeclineTellsTheReferrerTheCodeToRecord() {
        String id = Referrals.refer("B82005");
        Referrals.decide(Referrals.linkWorker(Referrals.PCN), id, "decline", "\"0\"", "{\"reason\": \"needs-clinical-care\"}").statusCode(200);
        given().auth().oauth2(Referrals.gp("B82005")).when().get("/api/referrals/{id}/feedback", id)
                .then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("recordAs.code", equalTo("871711000000103"))
                .body("recordAs.system", equalTo("http://snomed.info/sct"))
                .body("messages", hasSize(1)).body("messages[0].declineReason", equalTo("needs-clinical-care"));
        given().auth().oauth2(Referrals.gp("B82018")).when().get("/api/referrals/{id}/feedback", id).then().statusCode(404);
    }

    @Test
    void caseClosureClosesTheReferralAndTellsTheReferrerWhatCameOfItWithConsentedOutcomes() {
        String id = Referrals.refer("B82005");
        Referrals.accept(id).statusCode(200);
        UUID caseId = UUID.randomUUID();
        UUID walking = UUID.randomUUID();
        Instant now = Instant.now();
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "SWEMWBS", "baseline",
                new BigDecimal("17.43"), now.minusSeconds(86_400 * 70)));
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "SWEMWBS", "follow-up",
                new BigDecimal("21.54"), now.minusSeconds(3600)));
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "UCLA3", "baseline",
                new BigDecimal("8"), now.minusSeconds(86_400 * 70)));
        // the usual order: the follow-up is measured at the last session, before the case closes
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from case_outcome where case_id = :case")
                        .setParameter("case", caseId).getSingleResult()).intValue()) == 3);
        var closed = TestEvents.publish(kafka, "caseload-service", new CaseClosed(caseId, UUID.fromString(id), "goals-met", 6,
                List.of(new CaseClosed.ActivityConnected(walking, "Nidd Gorge walking group", "attending")), now));
        // redelivered: applied once
        TestEvents.publish(kafka, closed);

        String gp = Referrals.gp("B82005");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(gp)
                .when().get("/api/referrals/{id}/feedback", id).then().statusCode(200).body("status", equalTo("CLOSED")));
        given().auth().oauth2(gp).when().get("/api/referrals/{id}/feedback", id).then()
                .body("messages.kind", equalTo(List.of("accepted", "closed")))
                .body("recordAs.code", equalTo("871731000000106"))
                .body("messages[1].closure.reason", equalTo("goals-met"))
                .body("messages[1].closure.sessionsCompleted", equalTo(6))
                .body("messages[1].closure.activitiesConnected[0].name", equalTo("Nidd Gorge walking group"))
                .body("messages[1].closure.outcomeShared", equalTo(true))
                .body("messages[1].closure.outcomeChanges", hasSize(1))
                .body("messages[1].closure.outcomeChanges[0].instrument", equalTo("SWEMWBS"))
                .body("messages[1].closure.outcomeChanges[0].change", equalTo(4.11f));
        given().auth().oauth2(gp).when().get("/api/referrals/{id}", id).then()
                .body("status", equalTo("CLOSED")).body("decision.caseId", equalTo(caseId.toString()))
                .body("decision.reason", equalTo("goals-met"));

        List<Published> events = PublishedEvents.await(kafka, "referral-events", 3, Duration.ofSeconds(30), p -> id.equals(p.key()));
        assertEquals(List.of("referral.received.v1", "referral.accepted.v1", "referral.closed.v1"),
                events.stream().map(p -> p.event().getType()).toList());
        assertEquals(List.of(), EventSchemas.violations(EventType.REFERRAL_CLOSED, events.get(2).data()));

        // the same as FHIR: the ServiceRequest completed, a Task, a Communication per message
        RestAssured.registerParser("application/fhir+json", Parser.JSON);
        given().auth().oauth2(gp).accept("application/fhir+json").when().get("/api/referrals/{id}/feedback", id)
                .then().statusCode(200).contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("Bundle"))
                .body("entry[0].resource.resourceType", equalTo("ServiceRequest"))
                .body("entry[0].resource.status", equalTo("completed"))
                .body("entry[1].resource.resourceType", equalTo("Task"))
                .body("entry[1].resource.status", equalTo("completed"))
                .body("entry[3].resource.resourceType", equalTo("Communication"))
                .body("entry[3].resource.reasonCode[0].coding[0].code", equalTo("871731000000106"));
    }

    @Test
    void aFollowUpRecordedAfterClosureReachesTheReferrerAsAnOutcomeUpdate() {
        String id = Referrals.refer("B82005");
        Referrals.accept(id).statusCode(200);
        UUID caseId = UUID.randomUUID();
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "UCLA3", "baseline",
                new BigDecimal("8"), Instant.now().minusSeconds(86_400 * 60)));
        TestEvents.publish(kafka, "caseload-service", new CaseClosed(caseId, UUID.fromString(id), "goals-met", 7, Instant.now()));
        String gp = Referrals.gp("B82005");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(gp)
                .when().get("/api/referrals/{id}/feedback", id).then().body("status", equalTo("CLOSED")));
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "UCLA3", "follow-up",
                new BigDecimal("5"), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(gp)
                .when().get("/api/referrals/{id}/feedback", id).then()
                .body("messages.kind", equalTo(List.of("accepted", "closed", "outcome-update")))
                .body("messages[2].outcomeChanges[0].instrument", equalTo("UCLA3"))
                .body("messages[2].outcomeChanges[0].change", equalTo(-3.0f)));
    }

    /**
     * The follow-up measure and the case's closure handled at the same moment, on their two topics' consumers: one of
     * them must carry the change to the referrer (once lost by both in a CI journey). The measure's transaction is
     * held open while the closure is handled; the closure must wait for it, and then include it.
     */
    @Test
    void aFollowUpHandledWhileTheCaseClosesStillReachesTheReferrer() throws Exception {
        String id = Referrals.refer("B82005");
        Referrals.accept(id).statusCode(200);
        UUID caseId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> feedback.outcomeRecorded(new OutcomeRecorded(UUID.randomUUID(), caseId,
                "UCLA3", "baseline", new BigDecimal("9"), Instant.now().minusSeconds(86_400 * 60))));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch measured = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<?> measure = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                feedback.outcomeRecorded(new OutcomeRecorded(UUID.randomUUID(), caseId, "UCLA3", "follow-up", new BigDecimal("4"),
                        Instant.now()));
                measured.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(measured.await(30, TimeUnit.SECONDS), "the measure was never handled");
            Future<Boolean> close = pool.submit(() -> QuarkusTransaction.requiringNew().call(() ->
                    triage.closeAfterCase(new CaseClosed(caseId, UUID.fromString(id), "goals-met", 6, Instant.now()))));
            // the closure either waits for the measure (the lock) or, unserialised, is done without it
            LockWaiters.awaitOne(dataSource, close);
            release.countDown();
            measure.get(30, TimeUnit.SECONDS);
            assertTrue(close.get(30, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        List<Object> changes = QuarkusTransaction.requiringNew().call(() -> feedback.messagesAbout(UUID.fromString(id)).stream()
                .<Object>mapMulti((message, out) -> {
                    if (message.closure() != null && message.closure().outcomeChanges() != null) {
                        message.closure().outcomeChanges().forEach(c -> out.accept(c.instrument() + " " + c.change().stripTrailingZeros().toPlainString()));
                    }
                    if (message.outcomeChanges() != null) {
                        message.outcomeChanges().forEach(c -> out.accept(c.instrument() + " " + c.change().stripTrailingZeros().toPlainString()));
                    }
                }).toList());
        assertEquals(List.of("UCLA3 -5"), changes);
    }

    @Test
    void withoutConsentToShareTheOutcomeChangeStaysHere() {
        String nhs = Referrals.freshNhsNumber();
        String id = Referrals.post(Referrals.gp("B82005"), Referrals.body(nhs).replace("\"shareOutcomeWithReferrer\": true",
                "\"shareOutcomeWithReferrer\": false")).statusCode(201).extract().path("id");
        Referrals.accept(id).statusCode(200);
        UUID caseId = UUID.randomUUID();
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "SWEMWBS", "baseline",
                new BigDecimal("17.43"), Instant.now().minusSeconds(86_400)));
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "SWEMWBS", "follow-up",
                new BigDecimal("23.21"), Instant.now()));
        TestEvents.publish(kafka, "caseload-service", new CaseClosed(caseId, UUID.fromString(id), "person-disengaged", 2, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Referrals.gp("B82005"))
                .when().get("/api/referrals/{id}/feedback", id).then().body("status", equalTo("CLOSED"))
                .body("messages[1].closure.outcomeShared", equalTo(false))
                .body("messages[1].closure.outcomeChanges", nullValue()));
    }

    @Test
    void anUnreadableCaseloadEventIsKeptInTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        PublishedEvents.sendRaw(kafka, "caseload-events", key, "{not a cloud event".getBytes(), List.of());
        List<Published> dead = PublishedEvents.await(kafka, "caseload-events.referral-service.dlq", 1, Duration.ofSeconds(30),
                p -> key.equals(p.key()));
        assertEquals(1, dead.size());
    }
}
