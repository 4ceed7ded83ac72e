package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A connection's status changed; a decline or a drop-out carries its coded reason. */
public record ConnectionUpdated(UUID caseId, UUID connectionId, UUID serviceId, String pcnCode, String category, String status,
        String reason, Instant updatedAt) implements EventData {

    /** An update as the v1 minimum described it. */
    public ConnectionUpdated(UUID caseId, UUID connectionId, UUID serviceId, String status, Instant updatedAt) {
        this(caseId, connectionId, serviceId, null, null, status, null, updatedAt);
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
