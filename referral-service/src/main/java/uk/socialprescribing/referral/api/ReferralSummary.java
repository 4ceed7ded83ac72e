package uk.socialprescribing.referral.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.RiskFlag;
import uk.socialprescribing.referral.domain.Urgency;

/** A referral in a list: enough to triage from a queue; contact details only on the referral itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReferralSummary")
public record ReferralSummary(
        UUID id,
        @Schema(description = "A self-referral's reference", example = "SP-4F2A9C") String selfReferralReference,
        String status,
        @Schema(example = "gp-practice") String referrerKind,
        @Schema(example = "B82005") String referrerOrganisation,
        String practiceOdsCode,
        String pcnCode,
        @Schema(example = "Richard Smith") String personName,
        LocalDate dateOfBirth,
        List<ReasonCode> reasons,
        List<RiskFlag> riskFlags,
        Urgency urgency,
        Instant receivedAt,
        LocalDate triageDueBy,
        long daysWaiting,
        boolean overdue,
        boolean possibleDuplicate,
        Instant lastChangedAt,
        URI self) {

    static ReferralSummary of(Referral r, LocalDate today, UriInfo uri) {
        return new ReferralSummary(r.id(), r.selfReferralReference(), r.status().name(), r.referrer().kind().code(), r.referrer().organisation(),
                r.practiceOdsCode(), r.pcnCode(), r.person().givenName() + " " + r.person().familyName(),
                r.person().dateOfBirth(), r.needs().reasons(), r.needs().riskFlags(), r.needs().urgency(), r.receivedAt(), r.triageDueBy(),
                ReferralView.daysWaiting(r, today), r.isOverdue(today), !r.possibleDuplicates().isEmpty(), r.lastChangedAt(),
                uri.getBaseUriBuilder().path("api/referrals").path(r.id().toString()).build());
    }
}
