package uk.socialprescribing.referral.feedback;

import java.util.UUID;

/** No webhook with this id, or none of the caller's organisation (the two are not told apart). */
public class WebhookNotFoundException extends RuntimeException {

    public WebhookNotFoundException(UUID id) {
        super("No webhook " + id);
    }
}
