package uk.socialprescribing.messaging.inbox;

import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.socialprescribing.events.RequestId;

/**
 * How a consumer handles each record exactly once. The event is recorded as handled in the transaction of its
 * effect: both commit, or neither, so a redelivered event is recognised and not applied twice.
 * <p>
 * A failure no retry can mend ({@link UnprocessableEventException}: not a CloudEvent, data that breaks its
 * schema) is thrown at once, for the channel's dead-letter topic to keep. Any other failure (the database away
 * for a moment, a deadlock) is retried, each attempt in a new transaction, for up to a minute before the record
 * is dead-lettered in its turn.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Retry(maxRetries = 60, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 200, maxDuration = 60,
            durationUnit = ChronoUnit.SECONDS, abortOn = UnprocessableEventException.class)
    public void handleOnce(String handler, ConsumerRecord<String, byte[]> record, Consumer<ReceivedEvent> effect) {
        ReceivedEvent event = ReceivedEvent.from(record);
        // the request that wrote the event goes on into this handler's logs and into the events it writes in turn
        String requestId = event.requestId() != null ? event.requestId() : event.id();
        MDC.put(RequestId.LOG_KEY, requestId);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (recordFirstDelivery(handler, event)) {
                    effect.accept(event);
                }
            });
        } finally {
            MDC.remove(RequestId.LOG_KEY);
        }
    }

    /**
     * True the first time this handler sees the event (and records it); false for a redelivery.
     * Two concurrent deliveries of one event serialise on the primary key: the second waits, then sees it handled.
     */
    private boolean recordFirstDelivery(String handler, ReceivedEvent event) {
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
