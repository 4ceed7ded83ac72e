package uk.socialprescribing.referral.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A link worker's triage of a referral: accepted (no reason), declined for a coded reason, or redirected to another
 * service. {@code by} is the sign-in name, {@code byName} the name people know them by, when the token gave one.
 */
@Embeddable
public record TriageDecision(
        @Column(name = "triaged_by") String by,
        @Column(name = "triaged_by_name") String byName,
        @Column(name = "triaged_at") Instant at,
        @Column(name = "decision_reason") String reason,
        @Column(name = "decision_note") String note,
        @Column(name = "redirected_to") String redirectedTo) {

    static TriageDecision accepted(String by, Instant at) {
        return new TriageDecision(by, null, at, null, null, null);
    }

    static TriageDecision declined(String by, DeclineReason reason, String note, Instant at) {
        return new TriageDecision(by, null, at, reason.code(), note, null);
    }

    static TriageDecision redirected(String by, String to, String reason, String note, Instant at) {
        return new TriageDecision(by, null, at, reason, note, to);
    }

    /** Who triaged it, as people know them (the sign-in name where the token gave no name). */
    public String shownName() {
        return byName != null ? byName : by;
    }

    TriageDecision named(String name) {
        return new TriageDecision(by, name, at, reason, note, redirectedTo);
    }
}
