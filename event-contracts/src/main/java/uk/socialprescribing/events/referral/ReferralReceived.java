package uk.socialprescribing.events.referral;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A referral was received. */
public record ReferralReceived(UUID referralId, String referrerType, String referrerOdsCode, Instant receivedAt) implements EventData {
    @Override
    public String aggregateId() {
        return referralId.toString();
    }
}
