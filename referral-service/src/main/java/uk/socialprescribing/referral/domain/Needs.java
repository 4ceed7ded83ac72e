package uk.socialprescribing.referral.domain;

import java.util.LinkedHashSet;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/** What the referral says about the person's needs, besides who they are. */
@Embeddable
public record Needs(
        @Convert(converter = ReasonCode.ListByCode.class) @Column(name = "reason_codes", nullable = false) List<ReasonCode> reasons,
        @Column(name = "reason_other") String reasonOther,
        @Column(name = "what_matters") String whatMatters,
        @Convert(converter = RiskFlag.ListByCode.class) @Column(name = "risk_flags", nullable = false) List<RiskFlag> riskFlags,
        @Column(name = "risk_notes") String riskNotes,
        @Column(name = "consent_to_share_outcome", nullable = false) boolean consentToShareOutcome,
        @Column(nullable = false) Urgency urgency) {

    public Needs {
        if (reasons == null || reasons.isEmpty()) {
            throw new IllegalArgumentException("a referral has at least one reason");
        }
        reasons = List.copyOf(new LinkedHashSet<>(reasons));
        riskFlags = riskFlags == null ? List.of() : List.copyOf(new LinkedHashSet<>(riskFlags));
        urgency = urgency == null ? Urgency.ROUTINE : urgency;
    }
}
