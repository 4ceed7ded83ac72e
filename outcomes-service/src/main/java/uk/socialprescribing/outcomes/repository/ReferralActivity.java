package uk.socialprescribing.outcomes.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The monthly counts of referrals received and accepted (UK time decides the month). */
@ApplicationScoped
public class ReferralActivity {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    public record Month(LocalDate month, long received, long accepted) {
    }

    private final EntityManager entityManager;

    public ReferralActivity(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void countReceived(Instant at) {
        increment("received", at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void countAccepted(Instant at) {
        increment("accepted", at);
    }

    /** Months from {@code from} to {@code to} inclusive that have any activity, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Month> between(LocalDate from, LocalDate to) {
        List<Object[]> rows = entityManager.createNativeQuery(
                "select month, received, accepted from referral_activity where month between :from and :to order by month")
                .setParameter("from", from.withDayOfMonth(1))
                .setParameter("to", to)
                .getResultList();
        return rows.stream()
                .map(r -> new Month((LocalDate) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    private void increment(String column, Instant at) {
        // column is one of two constants above, never input
        entityManager.createNativeQuery("insert into referral_activity (month, " + column + ") values (:month, 1) "
                + "on conflict (month) do update set " + column + " = referral_activity." + column + " + 1")
                .setParameter("month", at.atZone(UK).toLocalDate().withDayOfMonth(1))
                .executeUpdate();
    }
}
