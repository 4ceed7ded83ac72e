package uk.socialprescribing.caseload.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.socialprescribing.caseload.domain.ListedService;

/** The local copy of the directory's services. */
@ApplicationScoped
public class ListedServiceRepository implements PanacheRepositoryBase<ListedService, UUID> {

    /** Services described and not withdrawn, by name. */
    public List<ListedService> open() {
        return list("organisationId is not null and withdrawnAt is null order by name, id");
    }
}
