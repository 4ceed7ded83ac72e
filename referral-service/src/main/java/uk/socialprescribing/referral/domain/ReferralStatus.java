package uk.socialprescribing.referral.domain;

/**
 * Where a referral stands. RECEIVED awaits triage; ACCEPTED has a case open; DECLINED, REDIRECTED, WITHDRAWN and
 * CLOSED are final.
 * <pre>
 * RECEIVED ──accept──▶ ACCEPTED ──case closed──▶ CLOSED
 *    │ ├──decline──▶ DECLINED          │
 *    │ └──redirect─▶ REDIRECTED        └──withdraw──▶ WITHDRAWN
 *    └──withdraw──▶ WITHDRAWN
 * </pre>
 */
public enum ReferralStatus {
    RECEIVED,
    ACCEPTED,
    DECLINED,
    REDIRECTED,
    WITHDRAWN,
    CLOSED;

    /** Open: still waiting for triage or being worked on; a second referral for the same person is a duplicate. */
    public boolean isOpen() {
        return this == RECEIVED || this == ACCEPTED;
    }
}
