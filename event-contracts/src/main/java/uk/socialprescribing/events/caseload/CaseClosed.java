package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/**
 * A case was closed. {@code activitiesConnected} names the community activities the person was connected to, and
 * {@code summary} and {@code nextSteps} are what the link worker wrote for the referrer: all for the message back to
 * the referrer. The two texts are the only words about the person an event carries (see the AsyncAPI document).
 */
public record CaseClosed(UUID caseId, UUID referralId, String reason, int sessionsCompleted,
        List<ActivityConnected> activitiesConnected, Instant closedAt, String summary, String nextSteps) implements EventData {

    /** A closure without the link worker's words (as sent before they were added). */
    public CaseClosed(UUID caseId, UUID referralId, String reason, int sessionsCompleted, List<ActivityConnected> activitiesConnected,
            Instant closedAt) {
        this(caseId, referralId, reason, sessionsCompleted, activitiesConnected, closedAt, null, null);
    }

    /** A directory service the person was connected to during the case. */
    public record ActivityConnected(UUID serviceId, String name, String status) {
    }

    /** A closure without the activities (the v1 minimum). */
    public CaseClosed(UUID caseId, UUID referralId, String reason, int sessionsCompleted, Instant closedAt) {
        this(caseId, referralId, reason, sessionsCompleted, null, closedAt, null, null);
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
