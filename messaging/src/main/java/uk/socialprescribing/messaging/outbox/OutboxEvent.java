package uk.socialprescribing.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event waiting in the outbox, or already published (kept as the record of what left the service). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long seq;

    @Column(name = "event_id", nullable = false, updatable = false)
    UUID eventId;

    @Column(nullable = false, updatable = false)
    String topic;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    String aggregateId;

    @Column(name = "event_type", nullable = false, updatable = false)
    String eventType;

    @Column(name = "data_schema", nullable = false, updatable = false)
    String dataSchema;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    String data;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    Instant occurredAt;

    @Column(name = "published_at")
    Instant publishedAt;

    @Column(nullable = false)
    int attempts;

    @Column(name = "last_error")
    String lastError;

    /** The request that wrote it (X-Request-Id), or the event a consumer was applying; none for scheduled work. */
    @Column(name = "request_id", updatable = false)
    String requestId;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID eventId, String topic, String aggregateId, String eventType, String dataSchema, String data, Instant occurredAt,
            String requestId) {
        this.requestId = requestId;
        this.eventId = eventId;
        this.topic = topic;
        this.aggregateId = aggregateId;
        this.eventType = eventType;
        this.dataSchema = dataSchema;
        this.data = data;
        this.occurredAt = occurredAt;
    }

    void published(Instant at) {
        publishedAt = at;
        attempts++;
        lastError = null;
    }

    void failed(String error) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }
}
