package uk.socialprescribing.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.TestEvents;
import uk.socialprescribing.testing.TestTokens;

@QuarkusTest
class ReferralEventsConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    CaseRepository cases;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAcceptedReferralOpensACaseAndCaseOpenedIsPublished() {
        UUID referral = UUID.randomUUID();
        TestEvents.publish(kafka, "referral-service", new ReferralAccepted(referral, "B82005", Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(referral).isPresent());
        String caseId = given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .queryParam("referralId", referral)
                .when().get("/api/caseload/cases")
                .then().statusCode(200)
                .body("contents", hasSize(1))
                .body("contents[0].status", equalTo("OPEN"))
                .body("contents[0].practiceOdsCode", equalTo("B82005"))
                .body("contents[0].pcnCode", equalTo("U84002"))
                .extract().path("contents[0].id");

        List<Published> opened = PublishedEvents.await(kafka, "caseload-events", 2, Duration.ofSeconds(30),
                p -> caseId.equals(p.key()));
        // no link worker in this PCN in these tests: the case is opened, then waits for one
        assertEquals(List.of("case.opened.v1", "case.waitlisted.v1"), opened.stream().map(p -> p.event().getType()).toList());
        assertEquals(referral.toString(), opened.get(0).data().get("referralId").asText());
        assertEquals(List.of(), EventSchemas.violations(EventType.CASE_OPENED, opened.get(0).data()));
    }

    @Test
    void theRequestIdOfTheAcceptanceGoesOnToTheEventsItCauses() {
        UUID referral = UUID.randomUUID();
        io.cloudevents.CloudEvent accepted = io.cloudevents.core.builder.CloudEventBuilder.v1(
                TestEvents.cloudEvent("referral-service", new ReferralAccepted(referral, "B82005", Instant.now())))
                .withExtension("requestid", "gp-request-" + referral).build();
        TestEvents.publish(kafka, accepted);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(referral).isPresent());
        String caseId = caseOf(referral).orElseThrow().id().toString();
        List<Published> caused = PublishedEvents.await(kafka, "caseload-events", 2, Duration.ofSeconds(30), p -> caseId.equals(p.key()));
        assertEquals(2, caused.size());
        for (Published event : caused) {
            assertEquals("gp-request-" + referral, event.event().getExtension("requestid"), event.event().getType());
        }
    }

    @Test
    void theSameEventDeliveredTwiceOpensOneCaseAndAnnouncesItOnce() {
        UUID referral = UUID.randomUUID();
        CloudEvent accepted = TestEvents.cloudEvent("referral-service", new ReferralAccepted(referral, "B82005", Instant.now()));
        TestEvents.publish(kafka, accepted);
        TestEvents.publish(kafka, accepted);
        // a later event of the same aggregate marks the point by which both deliveries were handled
        UUID marker = UUID.randomUUID();
        TestEvents.publish(kafka, "referral-service", new ReferralAccepted(marker, "B82005", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(marker).isPresent());

        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> cases.count("referralId", referral)));
        String caseId = caseOf(referral).orElseThrow().id().toString();
        assertEquals(1, PublishedEvents.await(kafka, "caseload-events", 2, Duration.ofSeconds(3),
                p -> caseId.equals(p.key()) && "case.opened.v1".equals(p.event().getType())).size());
    }

    @Test
    void aReceivedReferralOpensNoCase() {
        UUID referral = UUID.randomUUID();
        TestEvents.publish(kafka, "referral-service", new ReferralReceived(referral, "gp-practice", "B82005", Instant.now()));
        UUID marker = UUID.randomUUID();
        TestEvents.publish(kafka, "referral-service", new ReferralAccepted(marker, "B82005", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(marker).isPresent());
        assertTrue(caseOf(referral).isEmpty());
    }

    @Test
    void aMessageThatCannotBeProcessedIsKeptInTheDeadLetterTopicAndReadingGoesOn() {
        String key = "poison-" + UUID.randomUUID();
        // a CloudEvent of a known type whose data breaks its schema
        PublishedEvents.sendRaw(kafka, "referral-events", key, "{\"referralId\": \"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8),
                List.of(new RecordHeader("ce_specversion", "1.0".getBytes()), new RecordHeader("ce_id", key.getBytes()),
                        new RecordHeader("ce_source", "/somewhere".getBytes()),
                        new RecordHeader("ce_type", "referral.accepted.v1".getBytes()),
                        new RecordHeader("content-type", "application/json".getBytes())));
        String notACloudEvent = "garbage-" + UUID.randomUUID();
        PublishedEvents.sendRaw(kafka, "referral-events", notACloudEvent, "%%%".getBytes(StandardCharsets.UTF_8), List.of());

        UUID after = UUID.randomUUID();
        TestEvents.publish(kafka, "referral-service", new ReferralAccepted(after, "B82005", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(after).isPresent());

        List<Published> dead = PublishedEvents.await(kafka, "referral-events.caseload-service.dlq", 2, Duration.ofSeconds(30),
                p -> key.equals(p.key()) || notACloudEvent.equals(p.key()));
        assertEquals(2, dead.size());
        Published poison = dead.stream().filter(p -> key.equals(p.key())).findFirst().orElseThrow();
        assertTrue(poison.header("dead-letter-reason").contains("does not conform"), poison.header("dead-letter-reason"));
        assertEquals("{\"referralId\": \"not-a-uuid\"}", poison.event() == null ? null
                : new String(poison.event().getData().toBytes(), StandardCharsets.UTF_8));
        Published garbage = dead.stream().filter(p -> notACloudEvent.equals(p.key())).findFirst().orElseThrow();
        assertTrue(garbage.header("dead-letter-reason").contains("not a CloudEvent"), garbage.header("dead-letter-reason"));
    }

    @Test
    void aMomentaryDatabaseFailureIsRetriedNotDeadLettered() throws Exception {
        UUID referral = UUID.randomUUID();
        execute("alter table inbox_event rename to inbox_event_away");
        try {
            TestEvents.publish(kafka, "referral-service", new ReferralAccepted(referral, "B82005", Instant.now()));
            Thread.sleep(3_000);
            assertTrue(caseOf(referral).isEmpty(), "handled although its inbox was away");
        } finally {
            execute("alter table inbox_event_away rename to inbox_event");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(referral).isPresent());
        assertEquals(0, PublishedEvents.await(kafka, "referral-events.caseload-service.dlq", 1, Duration.ofSeconds(3),
                p -> referral.toString().equals(p.key())).size());
    }

    void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    Optional<Case> caseOf(UUID referral) {
        return QuarkusTransaction.requiringNew().call(() -> cases.findByReferral(referral));
    }

    @Test
    void casesAreForLinkWorkersOnly() {
        given().when().get("/api/caseload/cases").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.commissioner()).when().get("/api/caseload/cases")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.linkWorker("U84002")).queryParam("size", 0).when().get("/api/caseload/cases")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().auth().oauth2(TestTokens.linkWorker("U84002")).queryParam("referralId", "R-42").when().get("/api/caseload/cases")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("referralId"));
    }
}
