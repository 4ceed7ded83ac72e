package uk.socialprescribing.directory.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;
import uk.socialprescribing.conventions.Conflict;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.NotFound;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Slice;
import uk.socialprescribing.conventions.StaleVersionException;
import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.directory.domain.Listing.Moderation;
import uk.socialprescribing.directory.domain.ListingChange;
import uk.socialprescribing.directory.domain.Organization;
import uk.socialprescribing.directory.event.ServiceEvents;

/**
 * What a VCSE partner does to keep its own listings right, in one small call each: say how many places are free, and
 * confirm the listing is still accurate. Only the organisation that runs the service (token claim {@code
 * organisation_id}) or admin; each write needs the listing's ETag and locks its row. Over 300 lines: it also holds the
 * listing's whole life (submit, revise, withdraw, moderation) and its change log, which belong to one aggregate.
 */
@ApplicationScoped
public class Partnering {

    /** Who is writing: admin, or a partner organisation. */
    public record Partner(boolean admin, UUID organisationId) {
    }

    private final EntityManager entityManager;
    private final ServiceEvents events;
    private final Publishing publishing;
    private final ListingStructure structure;
    private final ActivityTerms terms;
    private final Clock clock;

    public Partnering(EntityManager entityManager, ServiceEvents events, Publishing publishing, ListingStructure structure, ActivityTerms terms,
            Clock clock) {
        this.clock = clock;
        this.terms = terms;
        this.entityManager = entityManager;
        this.events = events;
        this.publishing = publishing;
        this.structure = structure;
    }

    /**
     * A new listing. A partner's waits for admin approval (nothing is announced until then); admin's is public at once.
     * A partner's organisation is met the first time with its name.
     */
    @Transactional
    public Listing submit(Partner partner, UUID organizationId, String organizationName, Listing.Details details, String by) {
        UUID owner = partner.admin() ? organizationId : partner.organisationId();
        if (owner == null) {
            throw new InvalidInput("organizationId", "Required", "names the organisation that runs the service");
        }
        Organization organization = entityManager.find(Organization.class, owner);
        if (organization == null) {
            if (organizationName == null || organizationName.isBlank()) {
                throw new InvalidInput("organizationName", "Required",
                        "is needed with your organisation's first listing");
            }
            boolean nameTaken = !entityManager.createQuery("select o.id from Organization o where o.name = :name", UUID.class)
                    .setParameter("name", organizationName.strip()).getResultList().isEmpty();
            if (nameTaken) {
                throw new Conflict("organization-exists",
                    "Another organisation in the directory is called " + organizationName.strip() + "; if it is yours, ask admin to link your account to it",
                    "organizationName", "UniqueName", "names another organisation");
            }
            organization = Organization.of(owner, organizationName.strip());
            entityManager.persist(organization);
        }
        requireTerm(details.category());
        requireConsistent(details);
        Instant now = now();
        Listing listing = Listing.submit(organization, details, now, partner.admin());
        entityManager.persist(listing);
        entityManager.flush();
        structure.record(listing);
        log(listing, by, now, "created", Map.of());
        if (listing.isPublic()) {
            publishing.announce(listing);
        }
        return listing;
    }

    /** New details for a listing; an approved one publishes at once (service.updated); every change is logged. */
    @Transactional
    public Listing revise(UUID id, long expectedVersion, Partner partner, Listing.Details details, String by) {
        Listing listing = forChange(id, expectedVersion, partner);
        requireTerm(details.category());
        requireConsistent(details);
        Instant now = now();
        Map<String, ListingChange.Difference> changes = listing.revise(details, now);
        revised(listing, changes, by, now);
        return listing;
    }

    /**
     * What follows a revision of the listing's details: its sessions, costs and venue read again, the change logged,
     * and, for a public listing that really changed, service.updated (and service.capacity-changed when places did).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revised(Listing listing, Map<String, ListingChange.Difference> changes, String by, Instant at) {
        entityManager.flush();
        structure.replace(listing);
        log(listing, by, at, "updated", changes);
        if (listing.isPublic() && !changes.isEmpty()) {
            events.updated(listing, at);
            if (changes.containsKey("capacityAvailable") || changes.containsKey("capacityMaximum")) {
                events.capacityChanged(listing, at);
            }
        }
    }

    /** Out of the directory for good: service.withdrawn, which makes caseload refuse new connections to it. */
    @Transactional
    public Listing withdraw(UUID id, long expectedVersion, Partner partner, String reason, String by) {
        Listing listing = forChange(id, expectedVersion, partner);
        boolean wasPublic = listing.isPublic();
        Instant now = now();
        listing.withdraw(reason, now);
        entityManager.flush();
        log(listing, by, now, "withdrawn", Map.of("reason", new ListingChange.Difference(null, reason)));
        if (wasPublic) {
            events.withdrawn(listing, reason, now);
        }
        return listing;
    }

    /** Admin lets a partner's new listing into the directory: announced as service.published. */
    @Transactional
    public Listing approve(UUID id, long expectedVersion, String by) {
        Listing listing = forChange(id, expectedVersion, new Partner(true, null));
        Instant now = now();
        listing.approve(now);
        entityManager.flush();
        log(listing, by, now, "approved", Map.of());
        publishing.announce(listing);
        return listing;
    }

    @Transactional
    public Listing reject(UUID id, long expectedVersion, String note, String by) {
        Listing listing = forChange(id, expectedVersion, new Partner(true, null));
        Instant now = now();
        listing.reject(note, now);
        entityManager.flush();
        log(listing, by, now, "rejected", Map.of("note", new ListingChange.Difference(null, note)));
        return listing;
    }

    /** A page of a listing's change log, newest first: its owner and admin only. */
    public Slice<ListingChange> changes(UUID id, Partner partner, PageRequest page) {
        Listing listing = readable(id, partner);
        return Slice.of(entityManager.createQuery("from ListingChange c where c.serviceId = :id order by c.changedAt desc, c.id desc",
                ListingChange.class).setParameter("id", listing.id()),
                entityManager.createQuery("select count(c) from ListingChange c where c.serviceId = :id", Long.class)
                        .setParameter("id", listing.id()), page);
    }

    /** A page of the listings waiting for approval, oldest first. */
    public Slice<Listing> pending(PageRequest page) {
        String where = " where l.moderation = :pending and l.withdrawnAt is null";
        return Slice.of(entityManager.createQuery("from Listing l" + where + " order by l.publishedAt, l.id", Listing.class)
                .setParameter("pending", Moderation.PENDING),
                entityManager.createQuery("select count(l) from Listing l" + where, Long.class).setParameter("pending", Moderation.PENDING), page);
    }

    /** The organisation's own listings in every state, by name. */
    public List<Listing> of(UUID organisationId) {
        return entityManager.createQuery("from Listing l where l.organization.id = :org order by l.name, l.id", Listing.class)
                .setParameter("org", organisationId).getResultList();
    }

    /** A listing only its organisation and admin may see this of (its change log, its uptake): 403 for anyone else. */
    public Listing owned(UUID id, Partner partner, String what) {
        Listing listing = readable(id, partner);
        if (!partner.admin() && !listing.organization().id().equals(partner.organisationId())) {
            throw new ForbiddenException("Only " + listing.organization().name() + " (or admin) reads " + what);
        }
        return listing;
    }

    /** A listing the caller may read: a public one for anyone, any for its owner and admin. */
    public Listing readable(UUID id, Partner partner) {
        Listing listing = entityManager.find(Listing.class, id);
        boolean owner = listing != null && (partner.admin() || listing.organization().id().equals(partner.organisationId()));
        if (listing == null || !(listing.isPublic() || owner)) {
            throw new NotFound("No service " + id + " in the directory");
        }
        return listing;
    }

    /** Figures that must agree with each other: places free within the most there are, the youngest age below the oldest. */
    private static void requireConsistent(Listing.Details details) {
        if (details.capacityAvailable() != null && details.capacityMaximum() != null && details.capacityAvailable() > details.capacityMaximum()) {
            throw new InvalidInput("capacityAvailable", "WithinMaximum", "must not be more than capacityMaximum");
        }
        if (details.minimumAge() != null && details.maximumAge() != null && details.minimumAge() > details.maximumAge()) {
            throw new InvalidInput("minimumAge", "WithinMaximum", "must not be more than maximumAge");
        }
    }

    private void requireTerm(String category) {
        if (!terms.isTerm(category)) {
            throw new InvalidInput("category", "TaxonomyTerm",
                    "must be a term of the social-prescribing activity taxonomy (GET /oruk/taxonomy_terms)");
        }
    }

    private void log(Listing listing, String by, Instant at, String action, Map<String, ListingChange.Difference> changes) {
        entityManager.persist(new ListingChange(listing.id(), by, at, action, changes));
    }

    /** Places free now (and, when given, the most there can be); announced as service.capacity-changed. */
    @Transactional
    public Listing capacity(UUID id, Long expectedVersion, Partner partner, int available, Integer maximum, String by) {
        Listing listing = forChange(id, expectedVersion, partner);
        Integer max = maximum != null ? maximum : listing.details().capacityMaximum();
        if (max != null && available > max) {
            throw new InvalidInput("available", "WithinMaximum", "must not be more than the maximum, " + max);
        }
        Instant now = now();
        logCapacity(listing, available, max, by, now);
        listing.capacity(available, max, now);
        if (listing.isPublic()) {
            // a listing waiting for approval is announced, capacity and all, when it is approved
            events.capacityChanged(listing, now);
        }
        entityManager.flush();
        return listing;
    }

    /**
     * A link worker's connection took a place (+1) or gave one back (-1): places free go down or up, never below none
     * nor above the maximum, and the change is announced (service.capacity-changed). A listing that does not count its
     * places, or that has been withdrawn or is not in the directory, is left as it is. The partner's own figure, set
     * later, wins: it is what they know.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placeTaken(UUID id, int taken, Instant at) {
        entityManager.createNativeQuery("select id from service where id = :id for update").setParameter("id", id).getResultList();
        Listing listing = entityManager.find(Listing.class, id);
        if (listing == null || listing.details().capacityAvailable() == null || listing.withdrawnAt() != null) {
            return;
        }
        Integer max = listing.details().capacityMaximum();
        int available = Math.max(0, listing.details().capacityAvailable() - taken);
        if (max != null) {
            available = Math.min(available, max);
        }
        if (available == listing.details().capacityAvailable()) {
            return;
        }
        logCapacity(listing, available, max, taken > 0 ? "a link worker's connection (a place taken)" : "a link worker's connection (a place given back)", at);
        listing.capacity(available, max, at);
        if (listing.isPublic()) {
            events.capacityChanged(listing, at);
        }
    }

    /** The partner confirms the listing is still right: assured today. */
    @Transactional
    public Listing assure(UUID id, Long expectedVersion, Partner partner, String by) {
        Listing listing = forChange(id, expectedVersion, partner);
        Instant now = now();
        LocalDate before = listing.assuredDate();
        listing.assured(now);
        log(listing, by, now, "assured", Map.of("assuredDate", new ListingChange.Difference(before == null ? null : before.toString(),
                listing.assuredDate().toString())));
        entityManager.flush();
        return listing;
    }

    /** Places free (and the most there can be) as they were and will be, in the listing's log. */
    private void logCapacity(Listing listing, int available, Integer max, String by, Instant at) {
        Map<String, ListingChange.Difference> changes = new LinkedHashMap<>();
        Integer availableBefore = listing.details().capacityAvailable();
        Integer maxBefore = listing.details().capacityMaximum();
        if (!Objects.equals(availableBefore, available)) {
            changes.put("capacityAvailable", new ListingChange.Difference(string(availableBefore), String.valueOf(available)));
        }
        if (!Objects.equals(maxBefore, max)) {
            changes.put("capacityMaximum", new ListingChange.Difference(string(maxBefore), string(max)));
        }
        log(listing, by, at, "capacity-changed", changes);
    }

    private static String string(Integer value) {
        return value == null ? null : value.toString();
    }

    private Listing forChange(UUID id, long expectedVersion, Partner partner) {
        return forChange(id, Long.valueOf(expectedVersion), partner);
    }

    /** The listing locked for a change by its organisation or admin; at the version expected, where one is (null: the latest). */
    private Listing forChange(UUID id, Long expectedVersion, Partner partner) {
        entityManager.createNativeQuery("select id from service where id = :id for update").setParameter("id", id).getResultList();
        Listing listing = entityManager.find(Listing.class, id);
        if (listing == null) {
            throw new NotFound("No service " + id + " in the directory");
        }
        if (!partner.admin() && !listing.organization().id().equals(partner.organisationId())) {
            if (!listing.isPublic()) {
                throw new NotFound("No service " + id + " in the directory");
            }
            throw new ForbiddenException("Only " + listing.organization().name() + " (or admin) may change this listing");
        }
        if (expectedVersion != null && listing.version() != expectedVersion) {
            throw new StaleVersionException("The listing changed since you read it; read it again", listing.version());
        }
        return listing;
    }

    private Instant now() {
        return clock.instant();
    }
}
