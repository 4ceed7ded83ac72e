package uk.socialprescribing.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.testing.TestEvents;

/**
 * The idempotent consumer: a handler applies an event once however often Kafka delivers it, records it only with its
 * effect (an effect that fails leaves the event to be handled again), and refuses at once what no retry can mend.
 */
@QuarkusTest
class InboxTest {

    @Inject
    Inbox inbox;

    @Inject
    EntityManager entityManager;

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        ConsumerRecord<String, byte[]> record = record(received());
        AtomicInteger applied = new AtomicInteger();
        inbox.handleOnce("inbox-test", record, e -> applied.incrementAndGet());
        inbox.handleOnce("inbox-test", record, e -> applied.incrementAndGet());
        assertEquals(1, applied.get());
        // another handler of the same event has a record of its own
        inbox.handleOnce("inbox-test-other", record, e -> applied.incrementAndGet());
        assertEquals(2, applied.get());
        assertEquals(2L, handled(record));
    }

    @Test
    void anEffectThatFailsLeavesTheEventToBeHandledAgain() {
        ConsumerRecord<String, byte[]> record = record(received());
        assertThrows(UnprocessableEventException.class, () -> inbox.handleOnce("inbox-test", record, e -> {
            throw new UnprocessableEventException("the effect failed", null);
        }));
        assertEquals(0L, handled(record));
        AtomicInteger applied = new AtomicInteger();
        inbox.handleOnce("inbox-test", record, e -> applied.incrementAndGet());
        assertEquals(1, applied.get());
        assertEquals(1L, handled(record));
    }

    @Test
    void aRecordThatIsNotACloudEventIsRefusedAtOnce() {
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>("referral-events", 0, 0, "key",
                "not an event".getBytes(StandardCharsets.UTF_8));
        AtomicInteger applied = new AtomicInteger();
        assertThrows(UnprocessableEventException.class, () -> inbox.handleOnce("inbox-test", garbage, e -> applied.incrementAndGet()));
        assertEquals(0, applied.get());
    }

    static CloudEvent received() {
        return TestEvents.cloudEvent("messaging-test", new ReferralReceived(UUID.randomUUID(), "gp-practice", "B82005", Instant.now()));
    }

    static ConsumerRecord<String, byte[]> record(CloudEvent event) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            value = serializer.serialize("referral-events", headers, event);
        }
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("referral-events", 0, 0, event.getId(), value);
        headers.forEach(h -> record.headers().add(h));
        return record;
    }

    long handled(ConsumerRecord<String, byte[]> record) {
        String id = ReceivedEvent.from(record).id();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from inbox_event where event_id = :id").setParameter("id", id).getSingleResult()).longValue());
    }
}
