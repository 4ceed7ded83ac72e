package uk.socialprescribing.messaging.inbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The record of the events a consumer has handled. Called first, in the transaction of the effect:
 * the effect and its record commit together, so a redelivered event is recognised and not applied twice.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Reads a record and records it as handled: the event the first time this handler sees it, empty for a
     * redelivery. The caller applies the event's effect in the same transaction.
     *
     * @throws UnprocessableEventException when the record cannot be read; the consumer's dead-letter topic keeps it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReceivedEvent> firstDeliveryOf(String handler, ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        return firstDelivery(handler, event) ? Optional.of(event) : Optional.empty();
    }

    /**
     * True the first time this handler sees the event (and records it); false for a redelivery.
     * Two concurrent deliveries of one event serialise on the primary key: the second waits, then sees it handled.
     */
    private boolean firstDelivery(String handler, ReceivedEvent event) {
        int inserted = entityManager.createNativeQuery("""
                insert into inbox_event (handler, event_source, event_id, event_type, handled_at)
                values (:handler, :source, :id, :type, now())
                on conflict do nothing""")
                .setParameter("handler", handler)
                .setParameter("source", event.source())
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate();
        return inserted == 1;
    }
}
