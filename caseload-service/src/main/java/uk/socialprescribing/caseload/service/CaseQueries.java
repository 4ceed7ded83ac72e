package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import uk.socialprescribing.caseload.config.CaseloadConfig;
import uk.socialprescribing.caseload.domain.Allocation;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.CaseFlag;
import uk.socialprescribing.caseload.domain.CaseStatus;
import uk.socialprescribing.caseload.domain.LinkWorker;
import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Slice;

/**
 * Reading cases: one, a page of them with what a list shows beside each (next session, unrecorded sessions, flags),
 * the flags counted per link worker, and a case read under its row lock for a change. Who may see which case is decided
 * here ({@link CaseViewer}).
 */
@ApplicationScoped
public class CaseQueries {

    /** A case with what a list shows beside it: its next booked session, booked sessions left unrecorded, its flags. */
    public record Summary(Case c, Instant nextSessionAt, int unrecordedSessions, List<CaseFlag> flags) {
    }

    private final CaseRepository cases;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration followUpInterval;

    public CaseQueries(CaseRepository cases, EntityManager entityManager, Clock clock, CaseloadConfig config) {
        this.followUpInterval = config.followUpInterval();
        this.cases = cases;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public Case read(UUID id, CaseViewer viewer) {
        return cases.findByIdOptional(id).filter(c -> visible(viewer, c)).orElseThrow(() -> new CaseNotFoundException(id));
    }

    /** Oldest first, then by id: a stable order for paging. */
    public Slice<Summary> list(CaseViewer viewer, CaseFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        switch (viewer.scope()) {
            case OWN_AND_UNASSIGNED -> {
                where.append(" and c.pcnCode = :pcn and (c.allocation = :waiting or c.linkWorkerId = :me)");
                parameters.put("pcn", viewer.pcnCode());
                parameters.put("waiting", Allocation.WAITING);
                parameters.put("me", viewer.linkWorkerId() == null ? new UUID(0, 0) : viewer.linkWorkerId());
            }
            case PCN -> {
                where.append(" and c.pcnCode = :pcn");
                parameters.put("pcn", viewer.pcnCode());
            }
            case ALL -> {
            }
        }
        if (filter.referralId() != null) {
            where.append(" and c.referralId = :referral");
            parameters.put("referral", filter.referralId());
        }
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.linkWorkerId() != null) {
            where.append(" and c.linkWorkerId = :worker");
            parameters.put("worker", filter.linkWorkerId());
        }
        if (filter.allocation() != null) {
            where.append(" and c.allocation = :allocation");
            parameters.put("allocation", filter.allocation());
        }
        Instant now = now();
        if (filter.flag() != null) {
            where.append(" and ").append(filter.flag().jpql());
            bindFlag(filter.flag(), now, parameters::put);
        }
        TypedQuery<Long> count = entityManager.createQuery("select count(c) from Case c" + where, Long.class);
        TypedQuery<Case> items = entityManager.createQuery("select c from Case c" + where + " order by c.openedAt, c.id", Case.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        long total = count.getSingleResult();
        return new Slice<>(total == 0 ? List.of() : summarise(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()),
                total);
    }

    public Summary summarise(Case c) {
        return summarise(List.of(c)).get(0);
    }

    /** One query for the booked sessions of all the cases, however many. */
    public List<Summary> summarise(List<Case> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Instant now = now();
        Map<UUID, Object[]> booked = new HashMap<>();
        List<Object[]> rows = entityManager.createQuery("select s.caseId, min(case when s.scheduledFor >= :now then s.scheduledFor end), "
                + "sum(case when s.scheduledFor < :now then 1 else 0 end) from Session s where s.status = 'SCHEDULED' and s.caseId in :ids "
                + "group by s.caseId", Object[].class).setParameter("now", now).setParameter("ids", found.stream().map(Case::id).toList())
                .getResultList();
        rows.forEach(row -> booked.put((UUID) row[0], row));
        return found.stream().map(c -> {
            Object[] row = booked.get(c.id());
            Instant next = row == null ? null : (Instant) row[1];
            int unrecorded = row == null ? 0 : ((Number) row[2]).intValue();
            List<CaseFlag> flags = new ArrayList<>();
            if (c.status() == CaseStatus.OPEN && c.firstContactLate(now)) {
                flags.add(CaseFlag.FIRST_CONTACT_LATE);
            }
            if (c.missedTwoInARow()) {
                flags.add(CaseFlag.MISSED_TWO_IN_A_ROW);
            }
            if (unrecorded > 0) {
                flags.add(CaseFlag.SESSION_UNRECORDED);
            }
            if (c.followUpOverdue(now, followUpInterval, next != null)) {
                flags.add(CaseFlag.FOLLOW_UP_OVERDUE);
            }
            return new Summary(c, next, unrecorded, List.copyOf(flags));
        }).toList();
    }

    /**
     * For each link worker of the PCN, how many of their open cases carry each flag, by the flag's code in the flags'
     * order; flags with none are left out (one query per flag).
     */
    public Map<UUID, Map<String, Long>> flagCounts(String pcnCode) {
        Instant now = now();
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        for (CaseFlag flag : CaseFlag.values()) {
            TypedQuery<Object[]> query = entityManager.createQuery("select c.linkWorkerId, count(c) from Case c where c.pcnCode = :pcn "
                    + "and c.status = uk.socialprescribing.caseload.domain.CaseStatus.OPEN and c.linkWorkerId is not null and " + flag.jpql() + " group by c.linkWorkerId", Object[].class)
                    .setParameter("pcn", pcnCode);
            bindFlag(flag, now, query::setParameter);
            for (Object[] row : query.getResultList()) {
                counts.computeIfAbsent((UUID) row[0], w -> new LinkedHashMap<>()).put(flag.code(), (Long) row[1]);
            }
        }
        return counts;
    }

    /** The parameters a flag's JPQL names, and only those. */
    private void bindFlag(CaseFlag flag, Instant now, BiConsumer<String, Object> bind) {
        if (flag.jpql().contains(":now")) {
            bind.accept("now", now);
        }
        if (flag.jpql().contains(":followUpBefore")) {
            bind.accept("followUpBefore", now.minus(followUpInterval));
        }
    }

    /**
     * The case, read under its row lock for the rest of the transaction, so that changes to it and to what hangs off it
     * (sessions, plan versions, connections) queue up instead of racing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Case readLocked(UUID id, CaseViewer viewer) {
        entityManager.createNativeQuery("select id from care_case where id = :id for update").setParameter("id", id).getResultList();
        return read(id, viewer);
    }

    static boolean visible(CaseViewer viewer, Case c) {
        return switch (viewer.scope()) {
            case ALL -> true;
            case PCN -> viewer.pcnCode().equals(c.pcnCode());
            case OWN_AND_UNASSIGNED -> viewer.pcnCode().equals(c.pcnCode())
                    && (c.allocation() == Allocation.WAITING || (viewer.linkWorkerId() != null && viewer.linkWorkerId().equals(c.linkWorkerId())));
        };
    }

    /** The link worker record of a username, if they have one. */
    public Optional<LinkWorker> linkWorkerNamed(String username) {
        return entityManager.createQuery("from LinkWorker w where w.username = :u", LinkWorker.class).setParameter("u", username)
                .getResultStream().findFirst();
    }

    private Instant now() {
        return clock.instant();
    }
}
