package uk.socialprescribing.referral.domain;

import jakarta.persistence.Converter;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedConverter;

/** Where a purpose's consent stands. Only {@link #GIVEN}, and only until its review date, counts as consent. */
public enum ConsentStatus implements Coded {
    GIVEN("given"),
    REFUSED("refused"),
    WITHDRAWN("withdrawn"),
    /** Not asked: the reason is recorded (and for the referral, any best-interests decision and who made it). */
    NOT_SOUGHT("not-sought");

    private final String code;

    ConsentStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static class ByCode extends CodedConverter<ConsentStatus> {
        public ByCode() {
            super(ConsentStatus.class);
        }
    }
}
