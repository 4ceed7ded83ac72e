package uk.socialprescribing.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.messaging.AdvisoryLocks;
import uk.socialprescribing.testing.PublishedEvents;

/**
 * Two replicas' relays on one outbox, under load: the app's own relay and a second one with a producer of its own,
 * as another pod would run it, both publishing while four writers fill the outbox. The advisory lock lets one publish
 * at a time: every event reaches the topic exactly once, and each aggregate's events in the order they were written.
 */
@QuarkusTest
class TwoRelaysTest {

    static final int AGGREGATES = 40;
    static final int PER_AGGREGATE = 50;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void twoRelaysPublishEveryEventOnceAndInOrderPerAggregate() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        List<UUID> aggregates = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            aggregates.add(UUID.randomUUID());
        }
        Instant base = Instant.parse("2020-01-01T00:00:00Z");
        Set<String> ours = new HashSet<>(aggregates.stream().map(UUID::toString).toList());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger bySecond = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(p, new StringSerializer(), new CloudEventSerializer())) {
            OutboxRelay second = new OutboxRelay(entityManager, producer, "messaging-test", 25, Duration.ofSeconds(30), Duration.ofDays(7),
                    new SimpleMeterRegistry(), new AdvisoryLocks(entityManager), Clock.systemUTC());
            Future<?> secondRelay = pool.submit(() -> {
                while (writing.get() || pending() > 0) {
                    if (bySecond.get() > 0 && publishedOf(ours) == bySecond.get()) {
                        // the second relay in a tight loop would win the lock nearly every time: after its first batch it
                        // waits for the scheduled relay to take a turn, so that both are seen to publish, then they contend
                        Thread.sleep(20);
                        continue;
                    }
                    bySecond.addAndGet(QuarkusTransaction.requiringNew().call(second::publishBatch));
                }
                return null;
            });
            // four writers: each aggregate's events written in order (n = 0..49), ten at a time, by one writer
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < PER_AGGREGATE; n += 10) {
                        for (int a = writer; a < AGGREGATES; a += 4) {
                            UUID aggregate = aggregates.get(a);
                            int from = n;
                            QuarkusTransaction.requiringNew().run(() -> {
                                for (int k = from; k < from + 10; k++) {
                                    outbox.record(new ReferralReceived(aggregate, "gp-practice", "B82005", base.plusSeconds(k)));
                                }
                            });
                        }
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            secondRelay.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        int total = AGGREGATES * PER_AGGREGATE;
        List<PublishedEvents.Published> published = PublishedEvents.await(kafka, "referral-events", total, Duration.ofSeconds(60),
                e -> ours.contains(e.key()));
        // exactly once: as many records as events, no event id twice
        assertEquals(total, published.size());
        assertEquals(total, published.stream().map(e -> e.event().getId()).distinct().count());
        // in order per aggregate: each key's records (one partition, read in offset order) carry 0, 1, 2, ... seconds
        Map<String, List<Long>> seconds = new HashMap<>();
        for (PublishedEvents.Published e : published) {
            seconds.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(Instant.parse(e.data().get("receivedAt").asText()).getEpochSecond()
                    - base.getEpochSecond());
        }
        List<Long> expected = new ArrayList<>();
        for (long k = 0; k < PER_AGGREGATE; k++) {
            expected.add(k);
        }
        seconds.forEach((key, order) -> assertEquals(expected, order, key));
        // both relays took turns: the second published some, the app's own relay the rest
        assertTrue(bySecond.get() > 0 && bySecond.get() < total, "the second relay published " + bySecond.get() + " of " + total);
    }

    long publishedOf(Set<String> aggregates) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where published_at is not null and aggregate_id in (:aggregates)")
                .setParameter("aggregates", aggregates).getSingleResult()).longValue());
    }

    long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where published_at is null").getSingleResult()).longValue());
    }
}
