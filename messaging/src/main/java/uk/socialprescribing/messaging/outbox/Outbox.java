package uk.socialprescribing.messaging.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import uk.socialprescribing.events.EventData;
import uk.socialprescribing.events.EventJson;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.events.RequestId;

/**
 * Where a service records the events of a business change, in the same transaction as the change:
 * both are committed, or neither. The {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    /** Fired on each event recorded; the relay hears it once the transaction has committed. */
    public record Written(UUID eventId) {
    }

    private final EntityManager entityManager;
    private final Event<Written> written;
    private final Clock clock;

    public Outbox(EntityManager entityManager, Event<Written> written, Clock clock) {
        this.entityManager = entityManager;
        this.written = written;
        this.clock = clock;
    }

    /**
     * Records an event of the catalogue. Its data must conform to its type's JSON Schema: an event that
     * consumers could not read is a bug here, and fails the business transaction rather than leave.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventData data) {
        EventType type = EventType.of(data);
        JsonNode json = EventJson.mapper().valueToTree(data);
        List<String> violations = EventSchemas.violations(type, json);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(type.cloudEventType() + " does not conform to its schema: " + violations);
        }
        UUID eventId = UUID.randomUUID();
        entityManager.persist(new OutboxEvent(eventId, type.topic().topicName(), data.aggregateId(), type.cloudEventType(),
                type.schemaUri(), write(json), clock.instant(), requestId()));
        written.fire(new Written(eventId));
        return eventId;
    }

    /** The request (or consumed event) being handled, from the logging context: see RequestIds and Inbox. */
    static String requestId() {
        Object id = MDC.get(RequestId.LOG_KEY);
        return id == null ? null : id.toString();
    }

    private static String write(JsonNode json) {
        try {
            return EventJson.mapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
