package uk.socialprescribing.caseload.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.socialprescribing.caseload.domain.Case;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<Case, UUID> {

    public Optional<Case> findByReferral(UUID referralId) {
        return find("referralId", referralId).firstResultOptional();
    }
}
