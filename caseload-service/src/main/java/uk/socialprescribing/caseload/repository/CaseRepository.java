package uk.socialprescribing.caseload.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.socialprescribing.caseload.domain.Allocation;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.CaseStatus;

/** Cases: the queries of the aggregate, in one place. */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<Case, UUID> {

    /** A link worker's counts of cases: open now, taken on since a year ago, and since a month ago. */
    public record Counts(long open, long sinceYearAgo, long sinceMonthAgo) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    public Optional<Case> findByReferral(UUID referralId) {
        return find("referralId", referralId).firstResultOptional();
    }

    /**
     * Takes the case's row lock for the rest of the transaction, so that changes to it and to what hangs off it
     * (sessions, plan versions, connections) queue up instead of racing.
     */
    public void lock(UUID id) {
        getEntityManager().createNativeQuery("select id from care_case where id = :id for update").setParameter("id", id)
                .getResultList();
    }

    /** When the latest case was opened; null when none was. */
    public Instant lastOpenedAt() {
        return getEntityManager().createQuery("select max(c.openedAt) from Case c", Instant.class).getSingleResult();
    }

    /** The ids of the first open cases assigned to a link worker, oldest first. */
    public List<UUID> firstAssigned(int count) {
        return getEntityManager().createQuery("select c.id from Case c where c.status = :open and c.allocation = :assigned "
                + "order by c.openedAt, c.id", UUID.class).setParameter("open", CaseStatus.OPEN)
                .setParameter("assigned", Allocation.ASSIGNED).setMaxResults(count).getResultList();
    }

    /** The PCN's waiting cases in the order they are served: urgent first, then the longest waiting. */
    public List<Case> waitingIn(String pcnCode) {
        return getEntityManager().createQuery("""
                from Case c where c.pcnCode = :pcn and c.allocation = :waiting and c.status = :open
                order by case when c.urgency = :urgent then 0 else 1 end, c.waitlistedAt, c.id""", Case.class)
                .setParameter("pcn", pcnCode).setParameter("waiting", Allocation.WAITING).setParameter("open", CaseStatus.OPEN)
                .setParameter("urgent", "urgent").getResultList();
    }

    /** Cases of the PCN assigned to a link worker since the instant. */
    public long assignedSince(String pcnCode, Instant since) {
        return count("pcnCode = ?1 and assignedAt > ?2", pcnCode, since);
    }

    /** For each active link worker of the PCN that has any case, the counts of their cases. */
    public Map<UUID, Counts> countsByWorker(String pcnCode, Instant yearAgo, Instant monthAgo) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = getEntityManager().createNativeQuery("""
                select c.link_worker_id,
                       count(*) filter (where c.status = 'OPEN'),
                       count(*) filter (where c.assigned_at > :yearAgo),
                       count(*) filter (where c.assigned_at > :monthAgo)
                from care_case c join link_worker w on w.id = c.link_worker_id
                where w.pcn_code = :pcn and w.active
                group by c.link_worker_id""", Tuple.class)
                .setParameter("pcn", pcnCode).setParameter("yearAgo", yearAgo).setParameter("monthAgo", monthAgo)
                .getResultList();
        Map<UUID, Counts> counts = new HashMap<>();
        for (Tuple row : rows) {
            counts.put((UUID) row.get(0), new Counts(((Number) row.get(1)).longValue(), ((Number) row.get(2)).longValue(),
                    ((Number) row.get(3)).longValue()));
        }
        return counts;
    }
}
