package uk.socialprescribing.referral.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.ReferralStatus;
import uk.socialprescribing.referral.domain.TriageDeadline;
import uk.socialprescribing.referral.service.ReferralFilter;
import uk.socialprescribing.referral.service.Viewer;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /** One page of referrals and the count of all that match. */
    public record Page(List<Referral> items, long total) {
    }

    /**
     * The referral, its row locked until the transaction ends: concurrent triage moves queue up behind it and then
     * read what the first one committed. (The lock is taken by a statement of its own: Hibernate would lock an entity
     * with an eagerly joined collection only after loading it, and then fail on the version instead of waiting.)
     */
    public Optional<Referral> findForUpdate(UUID id) {
        List<?> locked = getEntityManager().createNativeQuery("select id from referral where id = :id for update")
                .setParameter("id", id).getResultList();
        return locked.isEmpty() ? Optional.empty() : findByIdOptional(id);
    }

    /**
     * Open referrals (awaiting triage or accepted) for this NHS number, other than {@code except}, their rows locked
     * until the transaction ends. Flagging them as possible duplicates changes them: a triage move or a case event
     * changing one of them at the same moment is waited for and then read as it committed, rather than failing the new
     * referral on a stale version. (Two intakes for one person already queue on the NHS number's lock; no order is
     * needed, and an "order by id" let a planner without statistics walk the primary key through every referral.)
     */
    public List<Referral> openFor(String nhsNumber, UUID except) {
        List<?> locked = getEntityManager().createNativeQuery("""
                select id from referral
                where nhs_number = :nhs and status in ('RECEIVED', 'ACCEPTED') and id <> :except
                for update""")
                .setParameter("nhs", nhsNumber).setParameter("except", except).getResultList();
        if (locked.isEmpty()) {
            return List.of();
        }
        return list("id in ?1", locked.stream().map(id -> (UUID) id).toList());
    }

    public Optional<Referral> findByCase(UUID caseId) {
        return find("caseId", caseId).firstResultOptional();
    }

    /** Newest first, then by id: a stable order for paging. Dates are days in England. */
    public Page search(Viewer viewer, ReferralFilter filter, LocalDate today, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        switch (viewer.scope()) {
            case ORGANISATION -> {
                where.append(" and r.referrer.organisation = :viewerKey");
                parameters.put("viewerKey", viewer.key());
            }
            case PCN -> {
                where.append(" and r.pcnCode = :viewerKey");
                parameters.put("viewerKey", viewer.key());
            }
            case ALL -> {
            }
        }
        if (filter.status() != null) {
            where.append(" and r.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.receivedFrom() != null) {
            where.append(" and r.receivedAt >= :from");
            parameters.put("from", filter.receivedFrom().atStartOfDay(TriageDeadline.ENGLAND).toInstant());
        }
        if (filter.receivedTo() != null) {
            where.append(" and r.receivedAt < :to");
            parameters.put("to", filter.receivedTo().plusDays(1).atStartOfDay(TriageDeadline.ENGLAND).toInstant());
        }
        if (filter.reason() != null) {
            where.append(" and array_contains(r.reasonCodes, :reason)");
            parameters.put("reason", filter.reason().code());
        }
        if (filter.referrerOrganisation() != null) {
            where.append(" and r.referrer.organisation = :organisation");
            parameters.put("organisation", filter.referrerOrganisation());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and r.status = :received and r.triageDueBy < :today"
                    : " and not (r.status = :received and r.triageDueBy < :today)");
            parameters.put("received", ReferralStatus.RECEIVED);
            parameters.put("today", today);
        }
        TypedQuery<Long> count = getEntityManager().createQuery("select count(r) from Referral r" + where, Long.class);
        TypedQuery<Referral> items = getEntityManager()
                .createQuery("select r from Referral r" + where + " order by r.receivedAt desc, r.id", Referral.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<Referral> found = total == 0 ? new ArrayList<>()
                : items.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new Page(found, total);
    }
}
