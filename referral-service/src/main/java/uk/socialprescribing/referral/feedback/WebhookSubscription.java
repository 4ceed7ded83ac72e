package uk.socialprescribing.referral.feedback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/** A referrer organisation's endpoint for messages about its referrals, and the secret they are signed with. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    UUID id;

    @Column(nullable = false)
    String organisation;

    @Column(nullable = false)
    String url;

    /** The signing secret, sealed (WebhookSecrets): never the secret itself. */
    @Column(nullable = false)
    String secret;

    /** The secret itself, on the one answer that shows it, after registering; never stored. */
    @Transient
    String shownOnce;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "removed_at")
    Instant removedAt;

    protected WebhookSubscription() {
    }

    WebhookSubscription(UUID id, String organisation, String url, String secret, String createdBy, Instant createdAt) {
        this.id = id;
        this.organisation = organisation;
        this.url = url;
        this.secret = secret;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String url() {
        return url;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
