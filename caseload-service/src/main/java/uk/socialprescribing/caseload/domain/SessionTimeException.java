package uk.socialprescribing.caseload.domain;

/**
 * A session dated where it cannot be: scheduled before its referral arrived, or recorded as held (or missed) before
 * its time. Either would put a wait to first contact, or a last contact, where it did not happen.
 */
public class SessionTimeException extends RuntimeException {

    private final String field;
    private final String rule;

    public SessionTimeException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
