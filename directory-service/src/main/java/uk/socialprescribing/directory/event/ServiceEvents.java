package uk.socialprescribing.directory.event;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.events.directory.ServiceCapacityChanged;
import uk.socialprescribing.events.directory.ServicePublished;
import uk.socialprescribing.events.directory.ServiceUpdated;
import uk.socialprescribing.events.directory.ServiceWithdrawn;
import uk.socialprescribing.messaging.outbox.Outbox;

/**
 * What other services hear of a public listing (a "service" in the events, as HSDS names it): published, updated,
 * its places, withdrawn; recorded in the outbox in the transaction of the change. A listing waiting for approval is
 * announced when it is approved. The one place that maps a listing to its events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ServiceEvents {

    /** What a capacity counts: places at a session or activity. */
    static final String UNIT = "place";

    private final Outbox outbox;

    public ServiceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Public at last: announced with its places, if it gives them. */
    public void published(Listing listing, Instant at) {
        Listing.Details details = listing.details();
        outbox.record(new ServicePublished(listing.id(), listing.organization().id(), details.name(), List.of(details.category()), at));
        if (details.capacityAvailable() != null) {
            capacityChanged(listing, at);
        }
    }

    public void updated(Listing listing, Instant at) {
        Listing.Details details = listing.details();
        outbox.record(new ServiceUpdated(listing.id(), listing.organization().id(), details.name(), List.of(details.category()), at));
    }

    public void capacityChanged(Listing listing, Instant at) {
        Listing.Details details = listing.details();
        outbox.record(new ServiceCapacityChanged(listing.id(), details.capacityAvailable() == null ? 0 : details.capacityAvailable(),
                details.capacityMaximum(), UNIT, at));
    }

    public void withdrawn(Listing listing, String reason, Instant at) {
        outbox.record(new ServiceWithdrawn(listing.id(), reason, at));
    }
}
