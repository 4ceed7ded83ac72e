package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/**
 * A case was assigned to a link worker. {@code linkWorker} is the worker's sign-in name (staff, not the person), so
 * that services which check "their own cases" (outcomes) know whose it is; {@code pcnCode} the case's network;
 * {@code linkWorkerName} the worker's name as the people they work with know it (staff), for the message to the referrer.
 */
public record CaseAssigned(UUID caseId, UUID linkWorkerId, String linkWorker, String pcnCode, Instant assignedAt, String linkWorkerName)
        implements EventData {

    /** An assignment that does not give the worker's name as people know it (as sent before linkWorkerName was added). */
    public CaseAssigned(UUID caseId, UUID linkWorkerId, String linkWorker, String pcnCode, Instant assignedAt) {
        this(caseId, linkWorkerId, linkWorker, pcnCode, assignedAt, null);
    }

    /** An assignment as the v1 minimum described it. */
    public CaseAssigned(UUID caseId, UUID linkWorkerId, Instant assignedAt) {
        this(caseId, linkWorkerId, null, null, assignedAt, null);
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
