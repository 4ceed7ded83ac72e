package uk.socialprescribing.caseload.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.socialprescribing.caseload.domain.Case;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<Case, UUID> {

    public Optional<Case> findByReferral(UUID referralId) {
        return find("referralId", referralId).firstResultOptional();
    }

    /** A page of cases, oldest first; the order is stable (opened time, then id). */
    public List<Case> page(int index, int size) {
        return findAll(Sort.by("openedAt").and("id")).page(Page.of(index, size)).list();
    }
}
