package uk.socialprescribing.caseload.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.socialprescribing.caseload.domain.LinkWorker;

/** Link workers. */
@ApplicationScoped
public class LinkWorkerRepository implements PanacheRepositoryBase<LinkWorker, UUID> {

    public Optional<LinkWorker> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** The PCN's active link workers. */
    public List<LinkWorker> activeIn(String pcnCode) {
        return list("pcnCode = ?1 and active = true", pcnCode);
    }
}
