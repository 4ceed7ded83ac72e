package uk.socialprescribing.caseload.domain;

import uk.socialprescribing.conventions.Coded;

/**
 * What needs a link worker's or lead's attention on an open case. Each flag has its rule twice: in Java for one case
 * already read, and in JPQL so that lists filter by it in the database. Parameters: {@code :now}, {@code :today} (in
 * England), {@code :followUpBefore}, {@code :open} (the open status) and {@code :scheduled} (a session's scheduled status).
 */
public enum CaseFlag implements Coded {
    /** No first contact by its target date, or first contact made after it. */
    FIRST_CONTACT_LATE("first-contact-late",
            "c.status = :open and ((c.firstContactAt is null and c.firstContactDueBy < :now) or c.firstContactAt > c.firstContactDueBy)"),
    /** The last two recorded sessions were not attended. */
    MISSED_TWO_IN_A_ROW("missed-two-in-a-row", "c.missedInARow >= 2"),
    /** A booked session's time has passed and nobody recorded what happened. */
    SESSION_UNRECORDED("session-unrecorded",
            "exists (select 1 from Session s where s.caseId = c.id and s.status = :scheduled and s.scheduledFor < :now)"),
    /** The person has been seen, nothing is booked, and the last contact is older than the follow-up interval. */
    FOLLOW_UP_OVERDUE("follow-up-overdue", "c.status = :open and c.lastContactAt < :followUpBefore and not exists "
            + "(select 1 from Session s where s.caseId = c.id and s.status = :scheduled and s.scheduledFor >= :now)"),
    /**
     * A consent the person gave is past its review date: it counts as not given (nothing is shared for its purpose) until
     * the link worker asks again and records it on the referral.
     */
    CONSENT_REVIEW_DUE("consent-review-due", "c.status = :open and exists (select 1 from ReferralConsent k where k.referralId = c.referralId"
            + " and k.status = 'given' and k.reviewBy < :today)");

    private final String code;
    private final String jpql;

    CaseFlag(String code, String jpql) {
        this.code = code;
        this.jpql = jpql;
    }

    @Override
    public String code() {
        return code;
    }

    /** The rule as a JPQL condition on case {@code c}. */
    public String jpql() {
        return jpql;
    }

    @Override
    public String toString() {
        return code;
    }
}
