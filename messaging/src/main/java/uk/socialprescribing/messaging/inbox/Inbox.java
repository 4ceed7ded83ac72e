package uk.socialprescribing.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
     * True the first time this handler sees the event (and records it); false for a redelivery.
     * Two concurrent deliveries of one event serialise on the primary key: the second waits, then sees it handled.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String handler, ReceivedEvent event) {
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
