package uk.socialprescribing.referral.feedback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message on its way to one webhook: pending until delivered, or failed once the retries are spent. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status {
        PENDING, DELIVERED, FAILED
    }

    @Id
    UUID id;

    @Column(name = "message_id", nullable = false)
    UUID messageId;

    @Column(name = "subscription_id", nullable = false)
    UUID subscriptionId;

    @Column(nullable = false)
    String status;

    @Column(nullable = false)
    int attempts;

    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;

    @Column(name = "delivered_at")
    Instant deliveredAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(UUID id, UUID messageId, UUID subscriptionId, Instant createdAt) {
        this.id = id;
        this.messageId = messageId;
        this.subscriptionId = subscriptionId;
        this.status = Status.PENDING.name();
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }
}
