package uk.socialprescribing.referral.domain;

import java.util.UUID;

/** A triage move the referral's current status does not allow, e.g. accepting a referral twice. */
public class IllegalTransitionException extends RuntimeException {

    private final UUID referralId;
    private final ReferralStatus from;
    private final String move;

    public IllegalTransitionException(UUID referralId, ReferralStatus from, String move) {
        super("Referral " + referralId + " is " + from + " and cannot be " + move);
        this.referralId = referralId;
        this.from = from;
        this.move = move;
    }

    public UUID referralId() {
        return referralId;
    }

    public ReferralStatus from() {
        return from;
    }

    public String move() {
        return move;
    }
}
