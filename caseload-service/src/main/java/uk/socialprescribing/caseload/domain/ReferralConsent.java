package uk.socialprescribing.caseload.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One purpose of the person's consents as referral-service last told (written by HeardConsents); mapped so that the
 * case flags can ask about it in their queries.
 */
@Entity
@Table(name = "referral_consent")
@IdClass(ReferralConsent.Key.class)
public class ReferralConsent {

    public static class Key implements Serializable {
        UUID referralId;
        String purpose;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(referralId, key.referralId) && Objects.equals(purpose, key.purpose);
        }

        @Override
        public int hashCode() {
            return Objects.hash(referralId, purpose);
        }
    }

    @Id
    @Column(name = "referral_id")
    UUID referralId;

    @Id
    String purpose;

    String status;

    @Column(name = "review_by")
    LocalDate reviewBy;

    @Column(name = "changed_at")
    Instant changedAt;

    protected ReferralConsent() {
    }
}
