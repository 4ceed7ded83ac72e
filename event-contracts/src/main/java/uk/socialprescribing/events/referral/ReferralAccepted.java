package uk.socialprescribing.events.referral;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/**
 * A link worker accepted the referral after triage. Carries what caseload-service needs to allocate the case
 * (practice, PCN, urgency, language), never the person's identity or contact details. {@code receivedAt} (optional,
 * added later) is when the referral arrived: nothing done for the person can be dated before it.
 */
public record ReferralAccepted(UUID referralId, String practiceOdsCode, String pcnCode, String urgency, String language,
        Boolean interpreterNeeded, Instant acceptedAt, Instant receivedAt) implements EventData {

    /** An acceptance that does not say when the referral arrived (as sent before receivedAt was added). */
    public ReferralAccepted(UUID referralId, String practiceOdsCode, String pcnCode, String urgency, String language,
            Boolean interpreterNeeded, Instant acceptedAt) {
        this(referralId, practiceOdsCode, pcnCode, urgency, language, interpreterNeeded, acceptedAt, null);
    }

    /** An acceptance that names only the practice (the v1 minimum). */
    public ReferralAccepted(UUID referralId, String practiceOdsCode, Instant acceptedAt) {
        this(referralId, practiceOdsCode, null, null, null, null, acceptedAt, null);
    }

    @Override
    public String aggregateId() {
        return referralId.toString();
    }
}
