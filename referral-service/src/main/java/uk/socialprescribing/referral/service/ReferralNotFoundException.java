package uk.socialprescribing.referral.service;

import java.util.UUID;

/** No referral with this id, or none the caller may see (the two are not told apart). */
public class ReferralNotFoundException extends RuntimeException {

    public ReferralNotFoundException(UUID id) {
        super("No referral " + id);
    }
}
