package uk.socialprescribing.events.directory;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A service's live capacity changed. */
public record ServiceCapacityChanged(UUID serviceId, int available, Integer maximum, String unit, Instant changedAt) implements EventData {
    @Override
    public String aggregateId() {
        return serviceId.toString();
    }
}
