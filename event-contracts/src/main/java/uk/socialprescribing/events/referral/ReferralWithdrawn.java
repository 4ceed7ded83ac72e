package uk.socialprescribing.events.referral;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** The referral was withdrawn. */
public record ReferralWithdrawn(UUID referralId, String reason, Instant withdrawnAt) implements EventData {
    @Override
    public String aggregateId() {
        return referralId.toString();
    }
}
