package uk.socialprescribing.referral.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Slice;
import uk.socialprescribing.referral.domain.Allocation;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.ReferralStatus;
import uk.socialprescribing.referral.domain.ReferrerKind;
import uk.socialprescribing.referral.domain.Urgency;
import uk.socialprescribing.referral.service.ReferralFilter;
import uk.socialprescribing.referral.service.Viewer;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

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

    /** The referral whose case this is, its row locked until the transaction ends (one statement finds and locks it). */
    public Optional<Referral> findForUpdateByCase(UUID caseId) {
        List<?> locked = getEntityManager().createNativeQuery("select id from referral where case_id = :case for update")
                .setParameter("case", caseId).getResultList();
        return locked.isEmpty() ? Optional.empty() : findByIdOptional((UUID) locked.get(0));
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

    private static void search(String text, StringBuilder where, Map<String, Object> parameters) {
        String compact = text.replaceAll("[\\s-]", "");
        if (compact.matches("\\d{10}")) {
            where.append(" and r.person.nhsNumber = :nhs");
            parameters.put("nhs", compact);
            return;
        }
        Matcher reference = Pattern.compile("(?i)SP-?([0-9A-F]{6})").matcher(text.strip());
        if (reference.matches()) {
            where.append(" and r.referrer.kind = :self and lower(cast(r.id as String)) like :reference");
            parameters.put("self", ReferrerKind.SELF);
            parameters.put("reference", reference.group(1).toLowerCase(Locale.ROOT) + "%");
            return;
        }
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        for (int i = 0; i < words.length && i < 5; i++) {
            where.append(" and (lower(r.person.givenName) like :name").append(i).append(" escape '\\' or lower(r.person.familyName) like :name")
                    .append(i).append(" escape '\\')");
            parameters.put("name" + i, words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    /**
     * Open referrals of a person without an NHS number, known by name, date of birth and postcode (any case, spaces in
     * the postcode ignored), locked as {@link #openFor} locks them.
     */
    public List<Referral> openForNamed(String givenName, String familyName, LocalDate dateOfBirth, String postcode, UUID except) {
        if (postcode == null) {
            return List.of();
        }
        List<?> locked = getEntityManager().createNativeQuery("""
                select id from referral
                where lower(family_name) = lower(:family) and lower(given_name) = lower(:given) and date_of_birth = :born
                and upper(replace(postcode, ' ', '')) = upper(replace(:postcode, ' ', ''))
                and status in ('RECEIVED', 'ACCEPTED') and id <> :except
                for update""")
                .setParameter("family", familyName).setParameter("given", givenName).setParameter("born", dateOfBirth)
                .setParameter("postcode", postcode).setParameter("except", except).getResultList();
        if (locked.isEmpty()) {
            return List.of();
        }
        return list("id in ?1", locked.stream().map(id -> (UUID) id).toList());
    }

    /** Whether caseload-service has said where the referral's case went (reads no personal data). */
    public boolean allocationKnown(UUID id) {
        return getEntityManager().createQuery("select r.allocation.state from Referral r where r.id = :id", Allocation.State.class)
                .setParameter("id", id).getResultStream().anyMatch(Objects::nonNull);
    }

    public Optional<Referral> findByCase(UUID caseId) {
        return find("caseId", caseId).firstResultOptional();
    }

    /**
     * In the filter's order (newest first unless asked otherwise), then by id: a stable order for paging. Dates are days
     * in England. A search is an NHS number (ten digits, spaces allowed), a self-referral reference (SP-4F2A9C), or
     * words of a name, each the start of the given or the family name, in any case.
     */
    public Slice<Referral> search(Viewer viewer, ReferralFilter filter, LocalDate today, PageRequest page) {
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
            parameters.put("from", filter.receivedFrom().atStartOfDay(Clocks.ENGLAND).toInstant());
        }
        if (filter.receivedTo() != null) {
            where.append(" and r.receivedAt < :to");
            parameters.put("to", filter.receivedTo().plusDays(1).atStartOfDay(Clocks.ENGLAND).toInstant());
        }
        if (filter.reason() != null) {
            // containment in the codes' array as stored, which the GIN index serves (HQL's array functions refuse a converted list)
            where.append(" and cast(sql('? @> array[cast(? as varchar)]', r.needs.reasons, :reason) as Boolean) = true");
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
        if (filter.urgency() != null) {
            where.append(" and r.needs.urgency = :urgency");
            parameters.put("urgency", filter.urgency());
        }
        if (filter.changedSince() != null) {
            where.append(" and r.lastChangedAt > :changedSince");
            parameters.put("changedSince", filter.changedSince());
        }
        if (filter.ids() != null && !filter.ids().isEmpty()) {
            where.append(" and r.id in :ids");
            parameters.put("ids", filter.ids());
        }
        if (filter.search() != null) {
            search(filter.search(), where, parameters);
        }
        String order = switch (filter.order() == null ? ReferralFilter.Order.NEWEST : filter.order()) {
            case NEWEST -> "r.receivedAt desc";
            case OLDEST -> "r.receivedAt";
            // urgent before routine, then the longest waiting
            case URGENT_FIRST -> "case when r.needs.urgency = :urgent then 0 else 1 end, r.receivedAt";
            // the day triage is due, the most overdue first; on a day, urgent first, then the longest waiting
            case DUE -> "r.triageDueBy, case when r.needs.urgency = :urgent then 0 else 1 end, r.receivedAt";
            case CHANGED -> "r.lastChangedAt";
        };
        TypedQuery<Long> count = getEntityManager().createQuery("select count(r) from Referral r" + where, Long.class);
        TypedQuery<Referral> items = getEntityManager()
                .createQuery("select r from Referral r" + where + " order by " + order + ", r.id", Referral.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        if (order.contains(":urgent")) {
            items.setParameter("urgent", Urgency.URGENT);
        }
        long total = count.getSingleResult();
        List<Referral> found = total == 0 ? new ArrayList<>()
                : items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Slice<>(found, total);
    }
}
