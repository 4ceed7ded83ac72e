package uk.socialprescribing.caseload.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.socialprescribing.events.referral.ConsentChanged;

/**
 * The person's consents as referral-service last told (consent.changed, which carries every purpose each time):
 * what this service honours before it shares anything. A consent not heard of counts as not given.
 */
@ApplicationScoped
public class HeardConsents {

    /** Giving the person's name and contact details to a provider they are referred to. */
    public static final String SHARE_CONTACT_WITH_PROVIDER = "share-contact-with-provider";

    private final EntityManager entityManager;

    public HeardConsents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The referral's consents become the event's; an event older than what is held changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void heard(ConsentChanged changed) {
        List<?> newer = entityManager.createNativeQuery("select 1 from referral_consent where referral_id = :id and changed_at > :at")
                .setParameter("id", changed.referralId()).setParameter("at", changed.changedAt().atOffset(java.time.ZoneOffset.UTC))
                .setMaxResults(1).getResultList();
        if (!newer.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("delete from referral_consent where referral_id = :id").setParameter("id", changed.referralId())
                .executeUpdate();
        for (ConsentChanged.Purpose purpose : changed.purposes()) {
            entityManager.createNativeQuery("""
                    insert into referral_consent (referral_id, purpose, status, review_by, changed_at)
                    values (:id, :purpose, :status, :reviewBy, :at)""")
                    .setParameter("id", changed.referralId()).setParameter("purpose", purpose.purpose()).setParameter("status", purpose.status())
                    .setParameter("reviewBy", purpose.reviewBy()).setParameter("at", OffsetDateTime.ofInstant(changed.changedAt(),
                            java.time.ZoneOffset.UTC))
                    .executeUpdate();
        }
    }

    /** Whether the consent holds on this day: given, and not past its review date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holds(UUID referralId, String purpose, LocalDate today) {
        return !entityManager.createNativeQuery("""
                select 1 from referral_consent where referral_id = :id and purpose = :purpose and status = 'given'
                and (review_by is null or review_by >= :today)""")
                .setParameter("id", referralId).setParameter("purpose", purpose).setParameter("today", today)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
