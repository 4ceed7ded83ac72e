package uk.socialprescribing.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.TestEvents;
import uk.socialprescribing.testing.TestTokens;

/**
 * The admin's dead letters: a record the consumer could not process is listed with its reason, where it sits and the
 * event it carried; replaying it while it is still bad fails and is recorded; a dead letter whose cause has been
 * mended is applied by its replay, once however often it is replayed.
 */
@QuarkusTest
class DeadLettersTest {

    static final String DLQ = "referral-events.caseload-service.dlq";
    static final String PATH = "/api/caseload/admin/dead-letters";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    CaseRepository cases;

    @SuppressWarnings("unchecked")
    Map<String, Object> listed(String key) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(Caseloads.admin()).queryParam("channel", "referral-events").when().get(PATH)
                        .then().statusCode(200).extract().<List<Map<String, Object>>>path("$").stream()
                        .filter(d -> key.equals(d.get("key"))).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    @Test
    void aRecordThatCannotBeProcessedIsListedAndItsReplayFailsWhileItIsStillBad() {
        String key = "poison-" + UUID.randomUUID();
        PublishedEvents.sendRaw(kafka, "referral-events", key, "{\"referralId\": 42}".getBytes(StandardCharsets.UTF_8),
                List.of(new RecordHeader("ce_specversion", "1.0".getBytes()), new RecordHeader("ce_id", key.getBytes()),
                        new RecordHeader("ce_source", "/somewhere".getBytes()), new RecordHeader("ce_type", "referral.accepted.v1".getBytes()),
                        new RecordHeader("content-type", "application/json".getBytes())));
        Map<String, Object> dead = listed(key);
        assertEquals("referral-events", dead.get("channel"));
        assertEquals(DLQ, dead.get("deadLetterTopic"));
        assertEquals("referral-events", dead.get("topic"));
        assertEquals(key, dead.get("eventId"));
        assertEquals("referral.accepted.v1", dead.get("eventType"));
        assertTrue(String.valueOf(dead.get("reason")).contains("does not conform"), String.valueOf(dead.get("reason")));
        assertTrue(((Number) dead.get("topicOffset")).longValue() >= 0, dead.toString());

        String replay = PATH + "/referral-events/" + dead.get("partition") + "/" + dead.get("offset") + "/replay";
        given().auth().oauth2(Caseloads.admin()).when().post(replay)
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("does not conform"));
        Map<String, Object> after = listed(key);
        assertEquals(List.of("failed"), ((List<Map<String, Object>>) after.get("replays")).stream().map(r -> r.get("outcome")).toList());
        assertEquals("sam.admin", ((List<Map<String, Object>>) after.get("replays")).get(0).get("by"));
    }

    @Test
    void aDeadLetterWhoseCauseIsMendedIsAppliedByItsReplayOnce() {
        // a good event that was dead-lettered while something (since mended) was wrong, as SmallRye keeps it
        UUID referral = UUID.randomUUID();
        var event = TestEvents.cloudEvent("referral-service", new ReferralAccepted(referral, "B82005", Instant.now()));
        TestEvents.publishTo(kafka, DLQ, event, List.of(
                new RecordHeader("dead-letter-reason", "the practice's PCN was not known yet".getBytes()),
                new RecordHeader("dead-letter-topic", "referral-events".getBytes()),
                new RecordHeader("dead-letter-partition", "3".getBytes()), new RecordHeader("dead-letter-offset", "1234".getBytes())));
        Map<String, Object> dead = listed(referral.toString());
        assertEquals(event.getId(), dead.get("eventId"));
        assertEquals(3, dead.get("topicPartition"));
        assertTrue(caseOf(referral) == 0, "applied before its replay");

        String replay = PATH + "/referral-events/" + dead.get("partition") + "/" + dead.get("offset") + "/replay";
        given().auth().oauth2(Caseloads.admin()).when().post(replay).then().statusCode(200).body("outcome", equalTo("replayed"));
        assertEquals(1, caseOf(referral));
        // replayed again: the inbox knows the event, nothing is applied twice
        given().auth().oauth2(Caseloads.admin()).when().post(replay).then().statusCode(200);
        assertEquals(1, caseOf(referral));
        assertEquals(2, ((List<?>) listed(referral.toString()).get("replays")).size());
    }

    @Test
    void onlyTheAdminSeesOrReplaysAndABadAddressIsNamed() {
        given().auth().oauth2(TestTokens.linkWorker("U84002")).when().get(PATH).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.linkWorker("U84002")).when().post(PATH + "/referral-events/0/0/replay").then().statusCode(403);
        given().auth().oauth2(Caseloads.admin()).queryParam("channel", "nowhere").when().get(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(Caseloads.admin()).when().post(PATH + "/nowhere/0/0/replay").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Caseloads.admin()).when().post(PATH + "/referral-events/0/999999/replay").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Caseloads.admin()).when().post(PATH + "/referral-events/x/0/replay").then().statusCode(404);
        given().auth().oauth2(Caseloads.admin()).contentType(ContentType.JSON).when().get(PATH).then().statusCode(200);
    }

    long caseOf(UUID referral) {
        return QuarkusTransaction.requiringNew().call(() -> cases.count("referralId", referral));
    }
}
