package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/**
 * A case joined the waiting list. {@code pcnCode} is its network and {@code forecastWaitDays} the network's forecast wait
 * for a routine case joining now (from recent throughput; absent when there is none to forecast from).
 */
public record CaseWaitlisted(UUID caseId, Instant waitlistedAt, String pcnCode, Long forecastWaitDays) implements EventData {

    /** A case on the waiting list with no forecast (as sent before the forecast was added). */
    public CaseWaitlisted(UUID caseId, Instant waitlistedAt) {
        this(caseId, waitlistedAt, null, null);
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
