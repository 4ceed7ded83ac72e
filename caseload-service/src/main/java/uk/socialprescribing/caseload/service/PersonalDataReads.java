package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.socialprescribing.caseload.domain.PersonalDataRead;

/**
 * The audit trail of reads of what a person told their link worker: care plans and notes. Written in the reading
 * transaction, so a read that is not recorded did not happen. Cases carry no identity; referral-service audits its own.
 */
@ApplicationScoped
public class PersonalDataReads {

    private final EntityManager entityManager;
    private final Clock clock;

    public PersonalDataReads(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID caseId, CaseViewer reader, String purpose) {
        entityManager.persist(new PersonalDataRead(caseId, reader.username() == null ? "system" : reader.username(), purpose,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS)));
    }

    /** A case's reads, newest first. */
    public List<PersonalDataRead> of(UUID caseId, int page, int size) {
        return entityManager.createQuery("from PersonalDataRead r where r.caseId = :case order by r.readAt desc, r.id desc",
                PersonalDataRead.class).setParameter("case", caseId).setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
    }
}
