package uk.socialprescribing.referral.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.referral.domain.Person;
import uk.socialprescribing.referral.domain.Referral;

/** A referral as its referrer and the link workers see it. */
@Schema(name = "Referral")
public record ReferralView(
        UUID id,
        @Schema(enumeration = { "RECEIVED", "ACCEPTED" }) String status,
        @Schema(example = "gp-practice") String referrerType,
        @Schema(example = "B82005") String referrerOdsCode,
        Person person,
        String reason,
        Instant receivedAt,
        Instant triagedAt) {

    static ReferralView of(Referral referral) {
        return new ReferralView(referral.id(), referral.status().name(), referral.referrerType(), referral.referrerOdsCode(),
                referral.person(), referral.reason(), referral.receivedAt(), referral.triagedAt());
    }
}
