package uk.socialprescribing.events.referral;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** The referral was redirected to a more suitable service. */
public record ReferralRedirected(UUID referralId, String redirectedTo, String reason, Instant redirectedAt) implements EventData {
    @Override
    public String aggregateId() {
        return referralId.toString();
    }
}
