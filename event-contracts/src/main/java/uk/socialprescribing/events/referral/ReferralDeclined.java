package uk.socialprescribing.events.referral;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** The referral was declined at triage. */
public record ReferralDeclined(UUID referralId, String reason, Instant declinedAt) implements EventData {
    @Override
    public String aggregateId() {
        return referralId.toString();
    }
}
