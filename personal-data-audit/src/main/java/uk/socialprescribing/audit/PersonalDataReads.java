package uk.socialprescribing.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;

import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Slice;

/**
 * The audit trail of reads of personal data: who read whose data, when, and why. Written in the reading transaction,
 * so a read that is not recorded did not happen. The subject is the service's own record of the person (a referral,
 * a case), never an identifier of the person.
 */
@ApplicationScoped
public class PersonalDataReads {

    /** One read, as the audit log shows it. */
    @Schema(name = "PersonalDataRead")
    public record Read(long id,
            @Schema(description = "Whose data: the referral or case read") UUID subjectId,
            @Schema(description = "The user or client that read it", example = "amara.okafor") String readBy,
            @Schema(description = "Why: what was read, and in which view", example = "care-plan") String purpose,
            Instant readAt) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    public PersonalDataReads(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID subjectId, String readBy, String purpose) {
        recordAll(List.of(subjectId), readBy, purpose);
    }

    /** One row per subject, written in one statement: a page of fifty referrals is one round trip, not fifty. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Collection<UUID> subjectIds, String readBy, String purpose) {
        if (subjectIds.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into audit.personal_data_read (subject_id, read_by, purpose, read_at) select unnest(?), ?, ?, ?")) {
                insert.setArray(1, connection.createArrayOf("uuid", subjectIds.toArray()));
                insert.setString(2, readBy);
                insert.setString(3, purpose);
                insert.setTimestamp(4, Timestamp.from(at));
                insert.executeUpdate();
            }
        });
    }

    /** One read recorded in a transaction of its own, for a read that is not a transaction's (checking the chain). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordOne(UUID subjectId, String readBy, String purpose) {
        record(subjectId, readBy, purpose);
    }

    /** The subject recorded for a read of the audit log that names no subject: the log itself (the nil UUID). */
    public static final UUID WHOLE_LOG = new UUID(0, 0);

    /**
     * As {@link #search}, the read itself recorded in the same transaction: reading the audit is audited, against the
     * subject asked about, or {@link #WHOLE_LOG}.
     */
    @Transactional
    public Slice<Read> searchRecorded(UUID subjectId, String readBy, PageRequest page, String reader) {
        record(subjectId == null ? WHOLE_LOG : subjectId, reader, "audit-log");
        return search(subjectId, readBy, page);
    }

    /** Newest first; narrowed to one subject and/or one reader when given. */
    @Transactional
    public Slice<Read> search(UUID subjectId, String readBy, PageRequest page) {
        String where = " where (cast(:subject as uuid) is null or subject_id = cast(:subject as uuid))"
                + " and (cast(:reader as varchar) is null or read_by = cast(:reader as varchar))";
        String subject = subjectId == null ? null : subjectId.toString();
        long total = ((Number) entityManager.createNativeQuery("select count(*) from audit.personal_data_read" + where)
                .setParameter("subject", subject).setParameter("reader", readBy).getSingleResult()).longValue();
        if (total == 0) {
            return new Slice<>(List.of(), 0);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("select id, subject_id, read_by, purpose, read_at"
                + " from audit.personal_data_read" + where + " order by read_at desc, id desc", Tuple.class)
                .setParameter("subject", subject).setParameter("reader", readBy)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Slice<>(rows.stream().map(row -> new Read(((Number) row.get(0)).longValue(), (UUID) row.get(1), (String) row.get(2),
                (String) row.get(3), instant(row.get(4)))).toList(), total);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        return value instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) value).toInstant();
    }
}
