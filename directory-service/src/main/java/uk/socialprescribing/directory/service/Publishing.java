package uk.socialprescribing.directory.service;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.directory.domain.ListingChange;
import uk.socialprescribing.directory.domain.Organization;
import uk.socialprescribing.directory.event.ServiceEvents;
import uk.socialprescribing.directory.repository.ListingRepository;
import uk.socialprescribing.directory.repository.OrganizationRepository;

/**
 * Publishing services in the directory; each publication and its events commit together: service.published, then
 * service.capacity-changed when the partner gave its live capacity.
 */
@ApplicationScoped
public class Publishing {

    private final OrganizationRepository organizations;
    private final ListingRepository listings;
    private final ServiceEvents events;
    private final ListingStructure structure;
    private final Clock clock;

    public Publishing(OrganizationRepository organizations, ListingRepository listings, ServiceEvents events, ListingStructure structure, Clock clock) {
        this.clock = clock;
        this.structure = structure;
        this.organizations = organizations;
        this.listings = listings;
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Listing publish(String organizationName, Listing.Details details, String by) {
        return publish(organizationName, details, true, by);
    }

    /** A listing of the named organisation (made the first time), public and announced at once or waiting for approval. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Listing publish(String organizationName, Listing.Details details, boolean approved, String by) {
        Organization named = Organization.named(organizationName);
        Organization organization = organizations.findByIdOptional(named.id()).orElseGet(() -> {
            organizations.persist(named);
            return named;
        });
        Listing listing = Listing.submit(organization, details, clock.instant(), approved);
        listings.persist(listing);
        listings.flush();
        structure.record(listing);
        listings.getEntityManager().persist(new ListingChange(listing.id(), by, listing.lastModified(),
                "created", Map.of()));
        if (approved) {
            announce(listing);
        }
        return listing;
    }

    /** A listing goes public: service.published, then service.capacity-changed when its capacity is known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Listing listing) {
        events.published(listing, listing.lastModified());
    }
}
