package uk.socialprescribing.directory.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Slice;
import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.directory.domain.Listing.Moderation;

@ApplicationScoped
public class ListingRepository implements PanacheRepositoryBase<Listing, UUID> {

    /** A page of public listings (approved, not withdrawn), in a category when one is given, by name then id (a stable order). */
    public Slice<Listing> active(String category, PageRequest page) {
        Sort order = Sort.by("name").and("id");
        Listing.Status active = Listing.Status.ACTIVE;
        Moderation approved = Moderation.APPROVED;
        PanacheQuery<Listing> query = category == null
                ? find("status = ?1 and moderation = ?2", order, active, approved)
                : find("status = ?1 and moderation = ?2 and category = ?3", order, active, approved, category);
        long total = query.count();
        return new Slice<>(total == 0 ? List.of() : query.page(page.number() - 1, page.size()).list(), total);
    }

    /** A page of the ids of public listings, by name. */
    public Slice<UUID> publicIds(PageRequest page) {
        String where = " from Listing l where l.moderation = :approved and l.withdrawnAt is null";
        return Slice.of(getEntityManager().createQuery("select l.id" + where + " order by l.name, l.id", UUID.class)
                .setParameter("approved", Moderation.APPROVED),
                getEntityManager().createQuery("select count(l)" + where, Long.class).setParameter("approved", Moderation.APPROVED), page);
    }

    /** A page of public listings not assured since {@code before}: the oldest assurance first. */
    public Slice<Listing> unassuredSince(LocalDate before, PageRequest page) {
        String where = " where l.moderation = :approved and l.withdrawnAt is null and l.assuredDate < :before";
        return Slice.of(getEntityManager().createQuery("from Listing l join fetch l.organization" + where
                + " order by l.assuredDate, l.name, l.id", Listing.class).setParameter("before", before)
                .setParameter("approved", Moderation.APPROVED),
                getEntityManager().createQuery("select count(l) from Listing l" + where, Long.class).setParameter("before", before)
                        .setParameter("approved", Moderation.APPROVED), page);
    }
}
