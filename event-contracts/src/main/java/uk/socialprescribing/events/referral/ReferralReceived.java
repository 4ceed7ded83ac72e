package uk.socialprescribing.events.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A referral was received. No identifying data: the kind of referrer, the practice and PCN, the coded reasons. */
public record ReferralReceived(UUID referralId, String referrerType, String referrerOdsCode, String practiceOdsCode,
        String pcnCode, List<String> reasonCodes, String urgency, Instant receivedAt) implements EventData {

    /** A receipt that names only the referrer (the v1 minimum). */
    public ReferralReceived(UUID referralId, String referrerType, String referrerOdsCode, Instant receivedAt) {
        this(referralId, referrerType, referrerOdsCode, null, null, null, null, receivedAt);
    }

    @Override
    public String aggregateId() {
        return referralId.toString();
    }
}
