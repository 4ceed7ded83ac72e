package uk.socialprescribing.referral.domain;

import java.util.UUID;

/** A triage move the referral's current status does not allow, e.g. accepting a referral twice. */
public class IllegalTransitionException extends RuntimeException {

    private final ReferralStatus current;

    public IllegalTransitionException(UUID referralId, ReferralStatus current, String move) {
        super("Referral " + referralId + " is " + current + " and cannot be " + move);
        this.current = current;
    }

    public ReferralStatus current() {
        return current;
    }
}
