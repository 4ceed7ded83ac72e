package uk.socialprescribing.events.referral;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A link worker accepted the referral after triage. */
public record ReferralAccepted(UUID referralId, String practiceOdsCode, Instant acceptedAt) implements EventData {
    @Override
    public String aggregateId() {
        return referralId.toString();
    }
}
