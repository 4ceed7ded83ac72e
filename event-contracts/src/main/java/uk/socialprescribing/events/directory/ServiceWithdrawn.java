package uk.socialprescribing.events.directory;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A service was withdrawn. */
public record ServiceWithdrawn(UUID serviceId, String reason, Instant withdrawnAt) implements EventData {
    @Override
    public String aggregateId() {
        return serviceId.toString();
    }
}
