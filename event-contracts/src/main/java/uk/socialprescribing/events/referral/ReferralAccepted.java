package uk.socialprescribing.events.referral;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/**
 * A link worker accepted the referral after triage. Carries what caseload-service needs to allocate the case
 * (practice, PCN, urgency, language), never the person's identity or contact details.
 */
public record ReferralAccepted(UUID referralId, String practiceOdsCode, String pcnCode, String urgency, String language,
        Boolean interpreterNeeded, Instant acceptedAt) implements EventData {

    /** An acceptance that names only the practice (the v1 minimum). */
    public ReferralAccepted(UUID referralId, String practiceOdsCode, Instant acceptedAt) {
        this(referralId, practiceOdsCode, null, null, null, null, acceptedAt);
    }

    @Override
    public String aggregateId() {
        return referralId.toString();
    }
}
