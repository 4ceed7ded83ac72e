package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** The person was connected to a directory service. */
public record ConnectionMade(UUID caseId, UUID connectionId, UUID serviceId, Instant madeAt) implements EventData {
    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
