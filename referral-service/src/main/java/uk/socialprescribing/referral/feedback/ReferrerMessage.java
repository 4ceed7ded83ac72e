package uk.socialprescribing.referral.feedback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A message back to the referrer, kept as sent: the feedback endpoint reads it and webhooks deliver it. */
@Entity
@Table(name = "referrer_message")
public class ReferrerMessage {

    @Id
    UUID id;

    /** Null for a test message, which is about no referral. */
    @Column(name = "referral_id")
    UUID referralId;

    /** The referrer organisation it is for; null for a self-referral, whose messages no organisation receives. */
    @Column(name = "organisation")
    String organisation;

    @Column(nullable = false)
    String kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    String body;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected ReferrerMessage() {
    }

    ReferrerMessage(UUID id, UUID referralId, String organisation, String kind, String body, Instant createdAt) {
        this.id = id;
        this.referralId = referralId;
        this.organisation = organisation;
        this.kind = kind;
        this.body = body;
        this.createdAt = createdAt;
    }
}
