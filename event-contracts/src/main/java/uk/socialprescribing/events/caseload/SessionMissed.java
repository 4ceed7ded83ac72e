package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A booked session was not attended. */
public record SessionMissed(UUID caseId, UUID sessionId, Instant scheduledFor) implements EventData {
    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
