package uk.socialprescribing.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;

/** Why the referrer withdrew a referral. */
public enum WithdrawalReason implements Coded {
    PERSON_CHANGED_MIND("person-changed-mind"),
    REFERRED_IN_ERROR("referred-in-error"),
    NEEDS_CHANGED("needs-changed"),
    PERSON_DIED("person-died"),
    OTHER("other");

    private final String code;

    WithdrawalReason(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
