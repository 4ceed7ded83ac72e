package uk.socialprescribing.referral.service;

import java.util.UUID;

import uk.socialprescribing.conventions.StaleVersionException;

/** A write based on a version of the referral that is no longer current (If-Match does not match its ETag). */
public class StaleReferralException extends StaleVersionException {

    public StaleReferralException(UUID id, long expected, long current) {
        super("Referral " + id + " has changed since you read it (you sent version " + expected + ", it is now "
                + current + "); read it again and decide on what it says now", current);
    }
}
