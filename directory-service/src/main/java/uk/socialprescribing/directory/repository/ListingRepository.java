package uk.socialprescribing.directory.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import uk.socialprescribing.directory.domain.Listing;

@ApplicationScoped
public class ListingRepository implements PanacheRepositoryBase<Listing, UUID> {

    /** Public listings (approved, not withdrawn), in a category when one is given, by name then id (a stable order for paging). */
    public PanacheQuery<Listing> active(String category) {
        Sort order = Sort.by("name").and("id");
        return category == null
                ? find("status = ?1 and moderation = 'approved'", order, "active")
                : find("status = ?1 and moderation = 'approved' and category = ?2", order, "active", category);
    }

    /** The ids of public listings, by name. */
    public java.util.List<UUID> publicIds() {
        return getEntityManager().createQuery("select l.id from Listing l where l.moderation = 'approved' and l.withdrawnAt is null "
                + "order by l.name, l.id", UUID.class).getResultList();
    }

    /** Public listings not assured since {@code before}: the oldest assurance first. */
    public java.util.List<Listing> unassuredSince(java.time.LocalDate before) {
        return getEntityManager().createQuery("from Listing l join fetch l.organization where l.moderation = 'approved' and l.withdrawnAt is null "
                + "and l.assuredDate < :before order by l.assuredDate, l.name, l.id", Listing.class).setParameter("before", before).getResultList();
    }
}
