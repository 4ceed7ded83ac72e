package uk.socialprescribing.events.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A service was published in the directory. */
public record ServicePublished(UUID serviceId, UUID organisationId, String name, List<String> categories, Instant publishedAt) implements EventData {
    @Override
    public String aggregateId() {
        return serviceId.toString();
    }
}
