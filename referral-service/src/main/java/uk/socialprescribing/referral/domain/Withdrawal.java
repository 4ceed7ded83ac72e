package uk.socialprescribing.referral.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The referrer took the referral back: who (its organisation), when, for which coded reason. */
@Embeddable
public record Withdrawal(
        @Column(name = "withdrawn_by") String by,
        @Column(name = "withdrawn_at") Instant at,
        @Column(name = "withdrawal_reason") WithdrawalReason reason,
        @Column(name = "withdrawal_note") String note) {
}
