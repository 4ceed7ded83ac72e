package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A case was assigned to a link worker. */
public record CaseAssigned(UUID caseId, UUID linkWorkerId, Instant assignedAt) implements EventData {
    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
