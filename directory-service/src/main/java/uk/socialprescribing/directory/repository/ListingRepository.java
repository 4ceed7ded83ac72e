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
}
