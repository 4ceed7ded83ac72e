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

import io.quarkus.security.ForbiddenException;
import uk.socialprescribing.caseload.config.CaseloadConfig;
import uk.socialprescribing.caseload.domain.Allocation;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.CaseFlag;
import uk.socialprescribing.caseload.domain.CaseStatus;
import uk.socialprescribing.caseload.domain.ClosureReason;
import uk.socialprescribing.caseload.domain.LinkWorker;
import uk.socialprescribing.caseload.event.CaseEvents;
import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.conventions.Conflict;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Slice;
import uk.socialprescribing.events.referral.ReferralWithdrawn;

/**
 * The life of a case after allocation: reading it, reassigning it by hand, closing it. Each change that frees a
 * place promotes the PCN's waiting list in the same transaction, under the PCN's allocation lock.
 */
@ApplicationScoped
public class CaseWork {

    /** A case with what a list shows beside it: its next booked session, booked sessions left unrecorded, its flags. */
    public record Summary(Case c, Instant nextSessionAt, int unrecordedSessions, List<CaseFlag> flags) {
    }

    private final CaseRepository cases;
    private final EntityManager entityManager;
    private final Allocating allocating;
    private final CaseEvents events;
    private final Clock clock;
    private final Duration followUpInterval;

    public CaseWork(CaseRepository cases, EntityManager entityManager, Allocating allocating, CaseEvents events, Clock clock,
            CaseloadConfig config) {
        this.followUpInterval = config.followUpInterval();
        this.cases = cases;
        this.entityManager = entityManager;
        this.allocating = allocating;
        this.events = events;
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

    /** A lead (or admin) gives the case to a link worker of its PCN who has room; the place freed is used at once. */
    @Transactional
    public Case reassign(UUID id, long expectedVersion, UUID toLinkWorker, CaseViewer manager) {
        Case c = forChange(id, expectedVersion, manager);
        List<Allocating.Load> loads = allocating.lockedLoads(c.pcnCode());
        Allocating.Load target = loads.stream().filter(l -> l.worker().id().equals(toLinkWorker)).findFirst()
                .orElseThrow(() -> new InvalidInput("linkWorkerId", "LinkWorkerOfPcn",
                        "is not an active link worker of " + c.pcnCode()));
        if (toLinkWorker.equals(c.linkWorkerId())) {
            return c;
        }
        if (target.spare() <= 0) {
            throw new Conflict("at-capacity",
                    target.worker().displayName() + " has no room under their caps; raise a cap or choose another link worker",
                    "linkWorkerId", "SpareCapacity", "has no spare capacity");
        }
        boolean freesAPlace = c.allocation() == Allocation.ASSIGNED;
        Instant now = now();
        c.assignTo(toLinkWorker, now);
        events.assigned(c, target.worker(), now);
        cases.flush();
        if (freesAPlace) {
            allocating.promoteWaiting(c.pcnCode());
        }
        cases.flush();
        return c;
    }

    /** The case ends: announced with its sessions and connections, its place given to the waiting list. */
    @Transactional
    public Case close(UUID id, long expectedVersion, ClosureReason reason, String summary, String nextSteps, CaseViewer by) {
        if (reason == ClosureReason.REFERRAL_WITHDRAWN) {
            throw new InvalidInput("reason", "ChosenReason", "is set by the service when a referral is withdrawn");
        }
        Case c = forChange(id, expectedVersion, by);
        if (by.scope() == CaseViewer.Scope.OWN_AND_UNASSIGNED && !by.linkWorkerId().equals(c.linkWorkerId())) {
            throw new ForbiddenException("Only the case's link worker, or a lead of its PCN, may close it");
        }
        if (c.pcnCode() != null) {
            allocating.lockedLoads(c.pcnCode());
        }
        c.closingWords(summary, nextSteps);
        closeAndPromote(c, reason);
        cases.flush();
        return c;
    }

    /** A referral withdrawn while its case still waits leaves the waiting list; an assigned case is the link worker's to close. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralWithdrawn(ReferralWithdrawn withdrawn) {
        Optional<Case> waiting = cases.findByReferral(withdrawn.referralId())
                .filter(c -> c.allocation() == Allocation.WAITING && c.status() == CaseStatus.OPEN);
        waiting.ifPresent(c -> closeAndPromote(c, ClosureReason.REFERRAL_WITHDRAWN));
    }

    private void closeAndPromote(Case c, ClosureReason reason) {
        boolean freesAPlace = c.allocation() == Allocation.ASSIGNED;
        Instant now = now();
        c.close(reason, now);
        events.closed(c, Connections.activitiesOf(entityManager, c.id()), now);
        cases.flush();
        if (freesAPlace && c.pcnCode() != null) {
            allocating.promoteWaiting(c.pcnCode());
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

    private Case forChange(UUID id, long expectedVersion, CaseViewer viewer) {
        Case c = readLocked(id, viewer);
        if (c.version() != expectedVersion) {
            throw new StaleCaseException(c.version());
        }
        return c;
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
