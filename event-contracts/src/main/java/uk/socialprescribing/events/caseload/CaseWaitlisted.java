package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A case joined the waiting list. */
public record CaseWaitlisted(UUID caseId, Instant waitlistedAt) implements EventData {
    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
