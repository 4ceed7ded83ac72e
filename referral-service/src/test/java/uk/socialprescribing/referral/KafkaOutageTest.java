package uk.socialprescribing.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import uk.socialprescribing.kafka.KafkaBroker;
import uk.socialprescribing.messaging.outbox.OutboxRelay;
import uk.socialprescribing.testing.InjectKafkaBroker;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;

/** The broker goes away while referrals are received and accepted: every event waits, then goes out once. */
@QuarkusTest
class KafkaOutageTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @Test
    void eventsWrittenWhileKafkaIsDownAreAllPublishedOnceItIsBack() {
        String before = Referrals.refer("B82005");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(List.of(before)) == 0);

        List<String> ids = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 0; i < 5; i++) {
                String id = Referrals.refer("B82005");
                Referrals.accept(id).statusCode(200);
                ids.add(id);
            }
            // the business goes on; the fifteen events (received, the consents it came with, accepted) wait in the outbox
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> pendingFor(ids) == 15);
            // retention deletes what was published, never what waits
            assertTrue(relay.purgePublishedBefore(Instant.now().plus(1, ChronoUnit.DAYS)) >= 1);
            assertEquals(0L, countFor(List.of(before)));
            assertEquals(15L, pendingFor(ids));
        } finally {
            broker.start();
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pendingFor(ids) == 0);
        Set<String> keys = new HashSet<>(ids);
        List<Published> published = PublishedEvents.await(kafka, "referral-events", 15, Duration.ofSeconds(60),
                p -> keys.contains(p.key()));

        assertEquals(15, published.size(), "every event published, none twice");
        assertEquals(15, published.stream().map(p -> p.event().getId()).distinct().count());
        Map<String, List<String>> typesByReferral = published.stream().collect(Collectors.groupingBy(Published::key,
                Collectors.mapping(p -> p.event().getType(), Collectors.toList())));
        for (String id : ids) {
            assertEquals(List.of("referral.received.v1", "consent.changed.v1", "referral.accepted.v1"), typesByReferral.get(id), "order of " + id);
        }
    }

    long countFor(List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager.createQuery(
                "select count(e) from OutboxEvent e where e.aggregateId in :ids")
                .setParameter("ids", ids).getSingleResult());
    }

    long pendingFor(List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager.createQuery(
                "select count(e) from OutboxEvent e where e.publishedAt is null and e.aggregateId in :ids")
                .setParameter("ids", ids).getSingleResult());
    }
}
