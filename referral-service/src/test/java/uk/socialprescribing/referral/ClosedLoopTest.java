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
import uk.socialprescribing.events.caseload.CaseAssigned;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.caseload.CaseOpened;
import uk.socialprescribing.events.caseload.CaseWaitlisted;
import uk.socialprescribing.events.outcome.OutcomeRecorded;
import uk.socialprescribing.referral.feedback.ReferrerFeedback;
import uk.socialprescribing.referral.feedback.WebhookDispatcher;
import uk.socialprescribing.referral.feedback.WebhookSecretKeys;
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

    @Inject
    WebhookSecretKeys secretKeys;

    /** caseload-service opens the referral's case and assigns it to Amara Okafor, as its events say; the case's id. */
    static UUID caseAssigned(String kafka, String referralId) {
        UUID caseId = UUID.randomUUID();
        TestEvents.publish(kafka, "caseload-service", new CaseOpened(caseId, UUID.fromString(referralId), "B82005", Instant.now()));
        TestEvents.publish(kafka, "caseload-service", new CaseAssigned(caseId, UUID.randomUUID(), "amara.okafor", Referrals.PCN, Instant.now(),
                "Amara Okafor"));
        return caseId;
    }

    private String storedSecret(String webhookId) throws java.sql.SQLException {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select secret from webhook_subscription where id = cast(? as uuid)")) {
            query.setString(1, webhookId);
            try (var row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

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
            // the acceptance goes out when caseload-service says where the case went
            caseAssigned(kafka, id);

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
            // nothing to record: the referrer coded the referral when it made it (871731000000106 again would be a second)
            assertEquals(null, (Object) message.get("recordAs"));
            assertEquals("Amara Okafor", message.getString("linkWorker"));
            assertEquals("allocated", message.getString("allocation.status"));
            assertEquals("01632 960100", message.getString("contact.phone"));
            assertTrue(message.getString("text").contains("Amara Okafor, link worker, will contact the person"), message.getString("text"));
            assertEquals(message.getString("messageId"), delivered.header(WebhookDispatcher.MESSAGE_ID));

            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token)
                    .when().get("/api/referrals/webhooks/{id}/deliveries", hookId)
                    .then().statusCode(200)
                    .body("contents.find { it.messageId == '" + message.getString("messageId") + "' }.status", equalTo("DELIVERED"))
                    .body("contents.find { it.messageId == '" + message.getString("messageId") + "' }.attemptLog.statusCode",
                            equalTo(List.of(500, 500, 204))));
            // another organisation cannot read this log, nor remove the webhook
            given().auth().oauth2(Referrals.gp("B82005")).when().get("/api/referrals/webhooks/{id}/deliveries", hookId)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:social-prescribing:problem:webhook-not-found"));
            given().auth().oauth2(Referrals.gp("B82005")).when().delete("/api/referrals/webhooks/{id}", hookId).then().statusCode(404);
            given().auth().oauth2(token).when().get("/api/referrals/webhooks").then().statusCode(200)
                    .body("contents.find { it.id == '" + hookId + "' }.secret", nullValue())
                    .body("contents.find { it.id == '" + hookId + "' }.url", notNullValue());
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
                .then().statusCode(200).body("contents[0].status", equalTo("FAILED")).body("contents[0].attempts", equalTo(3))
                .body("contents[0].attemptLog", hasSize(3)).body("contents[0].attemptLog[0].error", notNullValue()));
        given().auth().oauth2(token).when().delete("/api/referrals/webhooks/{id}", hookId).then().statusCode(204);
    }

    @Test
    void aReferrerSendsItsWebhookATestMessageAndSeesItDeliveredSignedWithTheSecretKeptSealed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String token = Referrals.gp("B82041");
            var registered = io.restassured.path.json.JsonPath.from(registerWebhook(token, receiver.url()));
            String hookId = registered.getString("id");
            // the database holds the secret sealed under the current key, never the secret itself
            String sealed = storedSecret(hookId);
            assertTrue(sealed.startsWith("aesgcm:local:") && !sealed.contains(registered.getString("secret"))
                    && !sealed.contains(registered.getString("secret").substring("whsec_".length())), sealed);
            // a secret stored before sealing (a deployment upgrading) is sealed by the resealing job, and still signs
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update webhook_subscription set secret = :plain where id = cast(:id as uuid)")
                    .setParameter("plain", registered.getString("secret")).setParameter("id", hookId).executeUpdate());
            assertTrue(secretKeys.reseal() >= 1);
            String resealed = storedSecret(hookId);
            assertTrue(resealed.startsWith("aesgcm:local:") && !resealed.equals(sealed), resealed);
            String messageId = given().auth().oauth2(token).when().post("/api/referrals/webhooks/{id}/test", hookId).then().statusCode(202)
                    .header("Location", org.hamcrest.Matchers.endsWith("/api/referrals/webhooks/" + hookId + "/deliveries"))
                    .body("kind", equalTo("test")).extract().path("messageId");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().stream()
                    .anyMatch(r -> messageId.equals(r.header(WebhookDispatcher.MESSAGE_ID))));
            WebhookReceiver.Received test = receiver.received().stream().filter(r -> messageId.equals(r.header(WebhookDispatcher.MESSAGE_ID)))
                    .findFirst().orElseThrow();
            long timestamp = Long.parseLong(test.header(WebhookDispatcher.TIMESTAMP));
            assertEquals("sha256=" + WebhookDispatcher.sign(registered.getString("secret"), timestamp, test.body()),
                    test.header(WebhookDispatcher.SIGNATURE));
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token)
                    .when().get("/api/referrals/webhooks/{id}/deliveries", hookId).then().statusCode(200)
                    .body("contents.find { it.messageId == '" + messageId + "' }.status", equalTo("DELIVERED")));
            // another organisation's webhook is not found
            given().auth().oauth2(Referrals.gp("B82005")).when().post("/api/referrals/webhooks/{id}/test", hookId).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).when().delete("/api/referrals/webhooks/{id}", hookId).then().statusCode(204);
        }
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
    void aDeclineAsksTheReferrerToRecordSocialPrescribingDeclinedOnlyWhenThePersonDeclined() {
        // declined by the link worker (needs clinical care first): not the person's choice, nothing to code as one
        String id = Referrals.refer("B82005");
        Referrals.decide(Referrals.linkWorker(Referrals.PCN), id, "decline", "\"0\"", "{\"reason\": \"needs-clinical-care\"}").statusCode(200);
        given().auth().oauth2(Referrals.gp("B82005")).when().get("/api/referrals/{id}/feedback", id)
                .then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("recordAs", nullValue())
                .body("messages", hasSize(1)).body("messages[0].declineReason", equalTo("needs-clinical-care"))
                .body("messages[0].text", equalTo("Not accepted: the person needs clinical care first."))
                .body("messages[0].linkWorker", notNullValue())
                .body("messages[0].contact.name", equalTo("Harrogate Central social prescribing team"));
        given().auth().oauth2(Referrals.gp("B82018")).when().get("/api/referrals/{id}/feedback", id).then().statusCode(404);
        // the person declined: 871711000000103 Social prescribing declined
        String declined = Referrals.refer("B82005");
        Referrals.decide(Referrals.linkWorker(Referrals.PCN), declined, "decline", "\"0\"", "{\"reason\": \"person-declined\"}").statusCode(200);
        given().auth().oauth2(Referrals.gp("B82005")).when().get("/api/referrals/{id}/feedback", declined)
                .then().statusCode(200).body("recordAs.code", equalTo("871711000000103"))
                .body("recordAs.system", equalTo("http://snomed.info/sct"))
                .body("messages[0].recordAs.display", equalTo("Social prescribing declined"));
    }

    @Test
    void theAcceptanceSaysWhetherThePersonIsWaitingAndForHowLongThenWhoTheirLinkWorkerIs() {
        String id = Referrals.refer("B82005");
        Referrals.accept(id).statusCode(200);
        String gp = Referrals.gp("B82005");
        // until caseload-service says, the link worker sees the case pending, and the referrer has heard nothing yet
        given().auth().oauth2(Referrals.linkWorker(Referrals.PCN)).when().get("/api/referrals/{id}", id).then()
                .body("caseAllocation.status", equalTo("pending"));
        given().auth().oauth2(gp).when().get("/api/referrals/{id}/feedback", id).then().body("messages", hasSize(0));
        UUID caseId = UUID.randomUUID();
        TestEvents.publish(kafka, "caseload-service", new CaseOpened(caseId, UUID.fromString(id), "B82005", Instant.now()));
        TestEvents.publish(kafka, "caseload-service", new CaseWaitlisted(caseId, Instant.now(), Referrals.PCN, 12L));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(gp)
                .when().get("/api/referrals/{id}/feedback", id).then().body("messages.kind", equalTo(List.of("accepted")))
                .body("messages[0].allocation.status", equalTo("waiting"))
                .body("messages[0].allocation.forecastWaitDays", equalTo(12))
                .body("messages[0].text", org.hamcrest.Matchers.containsString("forecast at about 12 days")));
        given().auth().oauth2(Referrals.linkWorker(Referrals.PCN)).when().get("/api/referrals/{id}", id).then()
                .body("caseAllocation.status", equalTo("waiting")).body("caseAllocation.caseId", equalTo(caseId.toString()))
                .body("caseAllocation.forecastWaitDays", equalTo(12));
        // a place comes free: the referrer hears who the link worker is
        TestEvents.publish(kafka, "caseload-service", new CaseAssigned(caseId, UUID.randomUUID(), "amara.okafor", Referrals.PCN, Instant.now(),
                "Amara Okafor"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(gp)
                .when().get("/api/referrals/{id}/feedback", id).then().body("messages.kind", equalTo(List.of("accepted", "allocated")))
                .body("messages[1].linkWorker", equalTo("Amara Okafor"))
                .body("messages[1].allocation.status", equalTo("allocated")));
        given().auth().oauth2(Referrals.linkWorker(Referrals.PCN)).when().get("/api/referrals/{id}", id).then()
                .body("caseAllocation.status", equalTo("allocated")).body("caseAllocation.linkWorker", equalTo("Amara Okafor"));
    }

    @Test
    void aLinkWorkerWhoAcceptsMayWaitToBeToldWhereTheCaseWent() throws Exception {
        String id = Referrals.refer("B82005");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // caseload-service allocates a moment after the acceptance
            Future<?> allocation = pool.submit(() -> {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "ACCEPTED".equals(given().auth().oauth2(Referrals.admin())
                        .when().get("/api/referrals/{id}", id).then().extract().path("status")));
                caseAssigned(kafka, id);
            });
            given().auth().oauth2(Referrals.linkWorker(Referrals.PCN)).header("If-Match", "\"0\"").header("Prefer", "wait=10")
                    .when().post("/api/referrals/{id}/accept", id).then().statusCode(200)
                    .header("Preference-Applied", equalTo("wait=10"))
                    .body("caseAllocation.status", equalTo("allocated")).body("caseAllocation.linkWorker", equalTo("Amara Okafor"))
                    .header("ETag", equalTo(Referrals.etag(Referrals.linkWorker(Referrals.PCN), id)));
            allocation.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void caseClosureClosesTheReferralAndTellsTheReferrerWhatCameOfItWithConsentedOutcomes() {
        String id = Referrals.refer("B82005");
        Referrals.accept(id).statusCode(200);
        UUID caseId = caseAssigned(kafka, id);
        UUID walking = UUID.randomUUID();
        Instant now = Instant.now();
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "SWEMWBS", "baseline",
                new BigDecimal("17.43"), now.minusSeconds(86_400 * 70)));
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "SWEMWBS", "follow-up",
                new BigDecimal("21.54"), now.minusSeconds(3600)));
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "UCLA3", "baseline",
                new BigDecimal("8"), now.minusSeconds(86_400 * 70)));
        // ONS4: its four items apart; anxiety 7 -> 3 is better, happiness 5 -> 4 worse
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "ONS4", "baseline", null,
                java.util.Map.of("life_satisfaction", 4, "worthwhile", 5, "happiness", 5, "anxiety", 7), Referrals.PCN,
                now.minusSeconds(86_400 * 70), java.time.LocalDate.now().minusDays(72)));
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "ONS4", "follow-up", null,
                java.util.Map.of("life_satisfaction", 6, "worthwhile", 5, "happiness", 4, "anxiety", 3), Referrals.PCN,
                now.minusSeconds(3600), java.time.LocalDate.now()));
        // the usual order: the follow-up is measured at the last session, before the case closes
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from case_outcome where case_id = :case")
                        .setParameter("case", caseId).getSingleResult()).intValue()) == 11);
        var closed = TestEvents.publish(kafka, "caseload-service", new CaseClosed(caseId, UUID.fromString(id), "goals-met", 6,
                List.of(new CaseClosed.ActivityConnected(walking, "Nidd Gorge walking group", "attending")), now,
                "Came to six sessions; now walks with the Nidd Gorge group every week.", "Would like help with a blue badge application."));
        // redelivered: applied once
        TestEvents.publish(kafka, closed);

        String gp = Referrals.gp("B82005");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(gp)
                .when().get("/api/referrals/{id}/feedback", id).then().statusCode(200).body("status", equalTo("CLOSED")));
        given().auth().oauth2(gp).when().get("/api/referrals/{id}/feedback", id).then()
                .body("messages.kind", equalTo(List.of("accepted", "closed")))
                // goals met: no concept to record (the referral was coded when it was made)
                .body("recordAs", nullValue())
                .body("messages[1].linkWorker", equalTo("Amara Okafor"))
                .body("messages[1].closure.summary", equalTo("Came to six sessions; now walks with the Nidd Gorge group every week."))
                .body("messages[1].closure.nextSteps", equalTo("Would like help with a blue badge application."))
                .body("messages[1].text", org.hamcrest.Matchers.startsWith("Support ended (goals met) after 6 sessions. Came to six sessions"))
                .body("messages[1].closure.reason", equalTo("goals-met"))
                .body("messages[1].closure.sessionsCompleted", equalTo(6))
                .body("messages[1].closure.activitiesConnected[0].name", equalTo("Nidd Gorge walking group"))
                .body("messages[1].closure.outcomeShared", equalTo(true))
                .body("messages[1].closure.outcomeChanges.instrument",
                        equalTo(List.of("SWEMWBS", "ONS4.life_satisfaction", "ONS4.worthwhile", "ONS4.happiness", "ONS4.anxiety")))
                .body("messages[1].closure.outcomeChanges[0].change", equalTo(4.11f))
                // read the right way round: anxiety going down is better, happiness going down worse
                .body("messages[1].closure.outcomeChanges.direction", equalTo(List.of("better", "better", "unchanged", "worse", "better")))
                .body("messages[1].closure.outcomeChanges.betterWhen", equalTo(List.of("higher", "higher", "higher", "higher", "lower")))
                .body("messages[1].closure.outcomeChanges[4].baselineOn", equalTo(java.time.LocalDate.now().minusDays(72).toString()))
                .body("messages[1].closure.outcomeChanges[4].followUpOn", equalTo(java.time.LocalDate.now().toString()));
        given().auth().oauth2(gp).when().get("/api/referrals/{id}", id).then()
                .body("status", equalTo("CLOSED")).body("decision.caseId", equalTo(caseId.toString()))
                .body("decision.reason", equalTo("goals-met"));

        List<Published> events = PublishedEvents.await(kafka, "referral-events", 4, Duration.ofSeconds(30), p -> id.equals(p.key()));
        assertEquals(List.of("referral.received.v1", "consent.changed.v1", "referral.accepted.v1", "referral.closed.v1"),
                events.stream().map(p -> p.event().getType()).toList());
        assertEquals(List.of(), EventSchemas.violations(EventType.REFERRAL_CLOSED, events.get(3).data()));

        // the same as FHIR: the ServiceRequest completed, a Task with its status coded, a Communication per message in words,
        // and each outcome measure an Observation (the scale, its value, the day) that the closing Communication references
        RestAssured.registerParser("application/fhir+json", Parser.JSON);
        var bundle = given().auth().oauth2(gp).accept("application/fhir+json").when().get("/api/referrals/{id}/feedback", id)
                .then().statusCode(200).contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("Bundle"))
                .body("entry[0].resource.resourceType", equalTo("ServiceRequest"))
                .body("entry[0].resource.status", equalTo("completed"))
                .body("entry[1].resource.resourceType", equalTo("Task"))
                .body("entry[1].resource.status", equalTo("completed"))
                .body("entry[1].resource.businessStatus.coding[0].code", equalTo("closed"))
                .body("entry[1].resource.businessStatus.coding[0].system", equalTo("https://social-prescribing.example.uk/CodeSystem/referral-status"))
                .extract().jsonPath();
        List<java.util.Map<String, Object>> communications = bundle.getList("entry.resource.findAll { it.resourceType == 'Communication' }");
        assertEquals(2, communications.size());
        assertTrue(communications.stream().noneMatch(c -> c.containsKey("reasonCode")), "no concept to record on acceptance or goals met");
        List<String> observations = bundle.getList("entry.findAll { it.resource.resourceType == 'Observation' }.fullUrl");
        assertEquals(10, observations.size(), "a baseline and a follow-up for each of five scales");
        List<java.util.Map<String, Object>> closingPayload = bundle.getList(
                "entry.resource.find { it.resourceType == 'Communication' && it.topic.coding[0].code == 'closed' }.payload");
        assertTrue(((String) closingPayload.get(0).get("contentString")).contains("Next steps: Would like help with a blue badge application."),
                closingPayload.toString());
        assertEquals(observations, closingPayload.stream().skip(1).map(p -> (String) ((java.util.Map<?, ?>) p.get("contentReference")).get("reference"))
                .toList());
        assertEquals(List.of(7, 3), bundle.getList("entry.resource.findAll { it.resourceType == 'Observation' && it.code.coding[0].code == "
                + "'ONS4.anxiety' }.valueQuantity.value").stream().map(v -> ((Number) v).intValue()).toList());
        assertTrue(bundle.getString("entry.resource.find { it.resourceType == 'Observation' && it.code.coding[0].code == 'ONS4.anxiety' "
                + "&& it.interpretation != null }.interpretation[0].text").startsWith("better"));
    }

    @Test
    void aFollowUpRecordedAfterClosureReachesTheReferrerAsAnOutcomeUpdate() {
        String id = Referrals.refer("B82005");
        Referrals.accept(id).statusCode(200);
        UUID caseId = caseAssigned(kafka, id);
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
                .body("messages[2].outcomeChanges[0].change", equalTo(-3.0f))
                // UCLA3 going down is less lonely: better
                .body("messages[2].outcomeChanges[0].direction", equalTo("better"))
                .body("messages[2].linkWorker", equalTo("Amara Okafor")));
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
                .body("messages.find { it.kind == 'closed' }.closure.outcomeShared", equalTo(false))
                .body("messages.find { it.kind == 'closed' }.closure.outcomeChanges", nullValue()));
    }

    @Test
    void consentWithdrawnAfterIntakeKeepsTheOutcomeOutOfTheNextMessageBack() {
        String id = Referrals.refer("B82005");
        Referrals.accept(id).statusCode(200);
        UUID caseId = caseAssigned(kafka, id);
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "SWEMWBS", "baseline",
                new BigDecimal("17.43"), Instant.now().minusSeconds(86_400)));
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "SWEMWBS", "follow-up",
                new BigDecimal("23.21"), Instant.now()));
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "UCLA3", "baseline",
                new BigDecimal("8"), Instant.now().minusSeconds(86_400)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from case_outcome where case_id = :case")
                        .setParameter("case", caseId).getSingleResult()).intValue()) == 3);
        // the person agreed at referral, then asked their link worker not to tell the practice how it went
        String worker = Referrals.linkWorker(Referrals.PCN);
        String etag = given().auth().oauth2(worker).when().get("/api/referrals/{id}/consents", id).then().statusCode(200)
                .body("purposes.find { it.purpose == 'share-outcome-with-referrer' }.holds", equalTo(true)).extract().header("ETag");
        given().auth().oauth2(worker).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"changes\": [{\"purpose\": \"share-outcome-with-referrer\", \"status\": \"withdrawn\"}]}")
                .when().put("/api/referrals/{id}/consents", id).then().statusCode(200)
                .body("purposes.find { it.purpose == 'share-outcome-with-referrer' }.holds", equalTo(false));
        TestEvents.publish(kafka, "caseload-service", new CaseClosed(caseId, UUID.fromString(id), "goals-met", 6, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Referrals.gp("B82005"))
                .when().get("/api/referrals/{id}/feedback", id).then().body("status", equalTo("CLOSED"))
                .body("messages.find { it.kind == 'closed' }.closure.outcomeShared", equalTo(false))
                .body("messages.find { it.kind == 'closed' }.closure.outcomeChanges", nullValue()));
        // a follow-up after closure does not go back either
        TestEvents.publish(kafka, "outcomes-service", new OutcomeRecorded(UUID.randomUUID(), caseId, "UCLA3", "follow-up",
                new BigDecimal("5"), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from case_outcome where case_id = :case")
                        .setParameter("case", caseId).getSingleResult()).intValue()) == 4);
        given().auth().oauth2(Referrals.gp("B82005")).when().get("/api/referrals/{id}/feedback", id).then()
                .body("messages.kind", equalTo(List.of("accepted", "closed")));
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
