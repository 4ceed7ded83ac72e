package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A session took place. */
public record SessionCompleted(UUID caseId, UUID sessionId, int sessionNumber, String mode, Instant completedAt) implements EventData {
    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
