package uk.socialprescribing.events.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A published service changed. */
public record ServiceUpdated(UUID serviceId, UUID organisationId, String name, List<String> categories, Instant updatedAt) implements EventData {
    @Override
    public String aggregateId() {
        return serviceId.toString();
    }
}
