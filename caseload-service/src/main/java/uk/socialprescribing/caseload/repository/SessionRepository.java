package uk.socialprescribing.caseload.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.socialprescribing.caseload.domain.Session;

/** Sessions of cases. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    /** Of one case's booked sessions: the next one to come (null when none) and how many have passed unrecorded. */
    public record Booked(Instant next, int unrecorded) {
        public static final Booked NONE = new Booked(null, 0);
    }

    /** The case's sessions in time order. */
    public List<Session> ofCase(UUID caseId) {
        return getEntityManager().createQuery("from Session s where s.caseId = :case order by s.scheduledFor, s.id", Session.class)
                .setParameter("case", caseId).getResultList();
    }

    /** One query for the booked sessions of all the cases, however many; a case with none is left out. */
    public Map<UUID, Booked> bookedOf(Collection<UUID> caseIds, Instant now) {
        Map<UUID, Booked> booked = new HashMap<>();
        if (caseIds.isEmpty()) {
            return booked;
        }
        getEntityManager().createQuery("select s.caseId, min(case when s.scheduledFor >= :now then s.scheduledFor end), "
                + "sum(case when s.scheduledFor < :now then 1 else 0 end) from Session s where s.status = :scheduled "
                + "and s.caseId in :ids group by s.caseId", Object[].class)
                .setParameter("now", now).setParameter("scheduled", Session.Status.SCHEDULED).setParameter("ids", caseIds)
                .getResultList()
                .forEach(row -> booked.put((UUID) row[0], new Booked((Instant) row[1], ((Number) row[2]).intValue())));
        return booked;
    }

    /** Whether the database holds any session at all (demo data seeds once). */
    public boolean any() {
        return getEntityManager().createQuery("select s.id from Session s", UUID.class).setMaxResults(1).getResultList().size() > 0;
    }
}
