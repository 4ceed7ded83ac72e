package uk.socialprescribing.caseload.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.socialprescribing.caseload.domain.CarePlanVersion;

/** Versions of cases' care plans (a version, once written, does not change). */
@ApplicationScoped
public class CarePlanRepository implements PanacheRepositoryBase<CarePlanVersion, CarePlanVersion.Key> {

    /** The case's plan versions, first to latest. */
    public List<CarePlanVersion> versionsOf(UUID caseId) {
        return list("caseId = ?1 order by version", caseId);
    }

    public Optional<CarePlanVersion> version(UUID caseId, int version) {
        return findByIdOptional(new CarePlanVersion.Key(caseId, version));
    }
}
