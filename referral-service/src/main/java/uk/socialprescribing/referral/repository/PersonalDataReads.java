package uk.socialprescribing.referral.repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/** The audit trail of reads of personal data: who read whose referral, when, and why. */
@ApplicationScoped
public class PersonalDataReads {

    /** One read, as the audit log shows it. */
    public record Read(long id, UUID subjectId, String readBy, String purpose, Instant readAt) {
    }

    private final EntityManager entityManager;

    public PersonalDataReads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID subjectId, String readBy, String purpose, Instant at) {
        recordAll(List.of(subjectId), readBy, purpose, at);
    }

    /** One row per subject, written in one statement: a page of fifty referrals is one round trip, not fifty. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Collection<UUID> subjectIds, String readBy, String purpose, Instant at) {
        if (subjectIds.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into personal_data_read (subject_id, read_by, purpose, read_at) "
                            + "select unnest(?), ?, ?, ?")) {
                insert.setArray(1, connection.createArrayOf("uuid", subjectIds.toArray()));
                insert.setString(2, readBy);
                insert.setString(3, purpose);
                insert.setTimestamp(4, Timestamp.from(at));
                insert.executeUpdate();
            }
        });
    }

    public long countFor(UUID subjectId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from personal_data_read where subject_id = :subject")
                .setParameter("subject", subjectId).getSingleResult()).longValue();
    }

    /** Newest first; narrowed to one subject and/or one reader when given. */
    public List<Read> search(UUID subjectId, String readBy, int page, int size) {
        String where = " where (cast(:subject as uuid) is null or subject_id = cast(:subject as uuid))"
                + " and (cast(:reader as varchar) is null or read_by = cast(:reader as varchar))";
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery(
                "select id, subject_id, read_by, purpose, read_at from personal_data_read" + where
                        + " order by read_at desc, id desc", Tuple.class)
                .setParameter("subject", subjectId == null ? null : subjectId.toString())
                .setParameter("reader", readBy)
                .setFirstResult((page - 1) * size).setMaxResults(size)
                .getResultList();
        List<Read> reads = new ArrayList<>(rows.size());
        for (Tuple row : rows) {
            reads.add(new Read(((Number) row.get(0)).longValue(), (UUID) row.get(1), (String) row.get(2),
                    (String) row.get(3), SqlValues.instant(row.get(4))));
        }
        return reads;
    }


    public long count(UUID subjectId, String readBy) {
        return ((Number) entityManager.createNativeQuery("select count(*) from personal_data_read"
                + " where (cast(:subject as uuid) is null or subject_id = cast(:subject as uuid))"
                + " and (cast(:reader as varchar) is null or read_by = cast(:reader as varchar))")
                .setParameter("subject", subjectId == null ? null : subjectId.toString())
                .setParameter("reader", readBy).getSingleResult()).longValue();
    }
}
