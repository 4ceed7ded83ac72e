package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import uk.socialprescribing.caseload.config.CaseloadConfig;
import uk.socialprescribing.caseload.domain.Allocation;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.CaseFlag;
import uk.socialprescribing.caseload.domain.CaseStatus;
import uk.socialprescribing.caseload.domain.Session;
import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.caseload.repository.SessionRepository.Booked;
import uk.socialprescribing.caseload.repository.SessionRepository;
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
    private final SessionRepository sessions;
    private final Clock clock;
    private final Duration followUpInterval;

    public CaseQueries(CaseRepository cases, SessionRepository sessions, Clock clock, CaseloadConfig config) {
        this.followUpInterval = config.followUpInterval();
        this.cases = cases;
        this.sessions = sessions;
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
        PanacheQuery<Case> found = cases.find("from Case c" + where + " order by c.openedAt, c.id", parameters);
        long total = found.count();
        return new Slice<>(total == 0 ? List.of() : summarise(found.range(page.offset(), page.offset() + page.size() - 1).list()),
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
        Map<UUID, Booked> booked = sessions.bookedOf(found.stream().map(Case::id).toList(), now);
        java.util.Set<UUID> consentToReview = consentsToReview(found, now);
        return found.stream().map(c -> {
            Booked b = booked.getOrDefault(c.id(), Booked.NONE);
            Instant next = b.next();
            int unrecorded = b.unrecorded();
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
            if (c.status() == CaseStatus.OPEN && consentToReview.contains(c.referralId())) {
                flags.add(CaseFlag.CONSENT_REVIEW_DUE);
            }
            return new Summary(c, next, unrecorded, List.copyOf(flags));
        }).toList();
    }

    /** Of these cases' referrals, those with a consent given and past its review date (one query). */
    private java.util.Set<UUID> consentsToReview(List<Case> found, Instant now) {
        List<UUID> referrals = found.stream().map(Case::referralId).filter(java.util.Objects::nonNull).toList();
        if (referrals.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(cases.getEntityManager().createQuery("select distinct k.referralId from ReferralConsent k"
                + " where k.referralId in :referrals and k.status = 'given' and k.reviewBy < :today", UUID.class)
                .setParameter("referrals", referrals)
                .setParameter("today", java.time.LocalDate.ofInstant(now, uk.socialprescribing.conventions.Clocks.ENGLAND)).getResultList());
    }

    /**
     * For each link worker of the PCN, how many of their open cases carry each flag, by the flag's code in the flags'
     * order; flags with none are left out (one query per flag).
     */
    public Map<UUID, Map<String, Long>> flagCounts(String pcnCode) {
        Instant now = now();
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        for (CaseFlag flag : CaseFlag.values()) {
            TypedQuery<Object[]> query = cases.getEntityManager().createQuery("select c.linkWorkerId, count(c) from Case c "
                    + "where c.pcnCode = :pcn and c.status = :open and c.linkWorkerId is not null and " + flag.jpql()
                    + " group by c.linkWorkerId", Object[].class)
                    .setParameter("pcn", pcnCode);
            bindFlag(flag, now, query::setParameter);
            if (!flag.jpql().contains(":open")) {
                query.setParameter("open", CaseStatus.OPEN);
            }
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
        if (flag.jpql().contains(":today")) {
            bind.accept("today", java.time.LocalDate.ofInstant(now, uk.socialprescribing.conventions.Clocks.ENGLAND));
        }
        if (flag.jpql().contains(":followUpBefore")) {
            bind.accept("followUpBefore", now.minus(followUpInterval));
        }
        if (flag.jpql().contains(":open")) {
            bind.accept("open", CaseStatus.OPEN);
        }
        if (flag.jpql().contains(":scheduled")) {
            bind.accept("scheduled", Session.Status.SCHEDULED);
        }
    }

    /**
     * The case, read under its row lock for the rest of the transaction, so that changes to it and to what hangs off it
     * (sessions, plan versions, connections) queue up instead of racing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Case readLocked(UUID id, CaseViewer viewer) {
        cases.lock(id);
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

    private Instant now() {
        return clock.instant();
    }
}
