package uk.socialprescribing.directory.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.ForbiddenException;
import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.events.directory.ServiceCapacityChanged;
import uk.socialprescribing.messaging.outbox.Outbox;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;
import uk.socialprescribing.problem.StaleVersionException;

/**
 * What a VCSE partner does to keep its own listings right, in one small call each: say how many places are free, and
 * confirm the listing is still accurate. Only the organisation that runs the service (token claim
 * {@code organisation_id}) or admin; each write needs the listing's ETag and locks its row.
 */
@ApplicationScoped
public class Partnering {

    /** Who is writing: admin, or a partner organisation. */
    public record Partner(boolean admin, UUID organisationId) {
    }

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public Partnering(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    /** Places free now (and, when given, the most there can be); announced as service.capacity-changed. */
    @Transactional
    public Listing capacity(UUID id, long expectedVersion, Partner partner, int available, Integer maximum) {
        Listing listing = forChange(id, expectedVersion, partner);
        Integer max = maximum != null ? maximum : listing.details().capacityMaximum();
        if (max != null && available > max) {
            throw new ProblemException(Problem.invalidField("available", "WithinMaximum", "must not be more than the maximum, " + max));
        }
        Instant now = now();
        listing.capacity(available, max, now);
        outbox.record(new ServiceCapacityChanged(id, available, max, "place", now));
        entityManager.flush();
        return listing;
    }

    /** The partner confirms the listing is still right: assured today. */
    @Transactional
    public Listing assure(UUID id, long expectedVersion, Partner partner) {
        Listing listing = forChange(id, expectedVersion, partner);
        listing.assured(now());
        entityManager.flush();
        return listing;
    }

    private Listing forChange(UUID id, long expectedVersion, Partner partner) {
        entityManager.createNativeQuery("select id from service where id = :id for update").setParameter("id", id).getResultList();
        Listing listing = entityManager.find(Listing.class, id);
        if (listing == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No service " + id + " in the directory"));
        }
        if (!partner.admin() && !listing.organization().id().equals(partner.organisationId())) {
            throw new ForbiddenException("Only " + listing.organization().name() + " (or admin) may change this listing");
        }
        if (listing.version() != expectedVersion) {
            throw new StaleVersionException("The listing changed since you read it; read it again", listing.version());
        }
        return listing;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
