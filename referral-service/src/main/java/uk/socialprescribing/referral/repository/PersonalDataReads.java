package uk.socialprescribing.referral.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The audit trail of reads of personal data: who read whose referral, when, and why. */
@ApplicationScoped
public class PersonalDataReads {

    private final EntityManager entityManager;

    public PersonalDataReads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID subjectId, String readBy, String purpose, Instant at) {
        entityManager.createNativeQuery(
                "insert into personal_data_read (subject_id, read_by, purpose, read_at) values (:subject, :by, :purpose, :at)")
                .setParameter("subject", subjectId)
                .setParameter("by", readBy)
                .setParameter("purpose", purpose)
                .setParameter("at", at)
                .executeUpdate();
    }

    public long countFor(UUID subjectId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from personal_data_read where subject_id = :subject")
                .setParameter("subject", subjectId).getSingleResult()).longValue();
    }
}
