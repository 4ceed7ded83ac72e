package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/**
 * A case was closed. {@code activitiesConnected} names the community activities the person was connected to,
 * for the message back to the referrer.
 */
public record CaseClosed(UUID caseId, UUID referralId, String reason, int sessionsCompleted,
        List<ActivityConnected> activitiesConnected, Instant closedAt) implements EventData {

    /** A directory service the person was connected to during the case. */
    public record ActivityConnected(UUID serviceId, String name, String status) {
    }

    /** A closure without the activities (the v1 minimum). */
    public CaseClosed(UUID caseId, UUID referralId, String reason, int sessionsCompleted, Instant closedAt) {
        this(caseId, referralId, reason, sessionsCompleted, null, closedAt);
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
