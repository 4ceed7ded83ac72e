package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A case was closed. */
public record CaseClosed(UUID caseId, UUID referralId, String reason, int sessionsCompleted, Instant closedAt) implements EventData {
    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
