package uk.socialprescribing.referral.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.ReferralStatus;
import uk.socialprescribing.referral.domain.Urgency;

/**
 * What a list of referrals is narrowed to, and its order; every field is optional. {@code search} is a name, an NHS
 * number or a self-referral reference; {@code changedSince} keeps those changed after an instant; {@code ids} keeps
 * only those referrals (a screen naming the people of a page of cases).
 */
public record ReferralFilter(ReferralStatus status, LocalDate receivedFrom, LocalDate receivedTo, ReasonCode reason,
        String referrerOrganisation, Boolean overdue, Urgency urgency, String search, Instant changedSince, Set<UUID> ids, Order order) {

    /** A filter of the original six, newest first. */
    public ReferralFilter(ReferralStatus status, LocalDate receivedFrom, LocalDate receivedTo, ReasonCode reason,
            String referrerOrganisation, Boolean overdue) {
        this(status, receivedFrom, receivedTo, reason, referrerOrganisation, overdue, null, null, null, null, Order.NEWEST);
    }

    /**
     * The orders a list can take: a referrer's newest first; triage oldest first, urgent first then oldest, or by the
     * day triage is due (the most overdue first, then urgent first, then oldest).
     */
    public enum Order {
        NEWEST("newest"), OLDEST("oldest"), URGENT_FIRST("urgent-first"), DUE("due"), CHANGED("changed");

        private final String code;

        Order(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
