package uk.socialprescribing.referral.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a person who referred themself is told: no personal details are echoed back. */
@Schema(name = "SelfReferralReceipt")
public record SelfReferralReceipt(
        UUID id,
        @Schema(description = "A short reference to quote if you call us", example = "SP-4F2A9C") String reference,
        @Schema(example = "RECEIVED") String status,
        @Schema(example = "Thank you. A link worker will contact you within 5 working days.") String message) {
}
