package uk.socialprescribing.referral.domain;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedConverter;

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

    /** Stored by its code. */
    @Converter(autoApply = true)
    public static class ByCode extends CodedConverter<WithdrawalReason> {
        public ByCode() {
            super(WithdrawalReason.class);
        }
    }
}
