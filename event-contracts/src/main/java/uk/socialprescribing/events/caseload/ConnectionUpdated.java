package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A connection's status changed. */
public record ConnectionUpdated(UUID caseId, UUID connectionId, UUID serviceId, String status, Instant updatedAt) implements EventData {
    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
