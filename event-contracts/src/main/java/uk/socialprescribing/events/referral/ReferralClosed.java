package uk.socialprescribing.events.referral;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** The referral was closed and the loop back to the referrer closed. */
public record ReferralClosed(UUID referralId, String outcome, Instant closedAt) implements EventData {
    @Override
    public String aggregateId() {
        return referralId.toString();
    }
}
