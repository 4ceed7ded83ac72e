package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/**
 * The link worker connected the person to a directory service. {@code status} is where the connection starts
 * (suggested, referred, attending, or declined at once, e.g. for no space); {@code reason} is the coded reason of a
 * decline. {@code pcnCode} and {@code category} let the commissioners' reports count unmet need without the case.
 */
public record ConnectionMade(UUID caseId, UUID connectionId, UUID serviceId, String pcnCode, String category, String status,
        String reason, Instant madeAt) implements EventData {

    /** A connection as the v1 minimum described it. */
    public ConnectionMade(UUID caseId, UUID connectionId, UUID serviceId, Instant madeAt) {
        this(caseId, connectionId, serviceId, null, null, null, null, madeAt);
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
