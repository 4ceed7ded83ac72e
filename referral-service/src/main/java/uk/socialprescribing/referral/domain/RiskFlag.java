package uk.socialprescribing.referral.domain;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedListConverter;

/** Risks a link worker must know of before first contact. */
public enum RiskFlag implements Coded {
    SAFEGUARDING_ADULT("safeguarding-adult"),
    SAFEGUARDING_CHILD("safeguarding-child"),
    RISK_TO_SELF("risk-to-self"),
    RISK_TO_OTHERS("risk-to-others"),
    DOMESTIC_ABUSE("domestic-abuse"),
    LONE_WORKING("lone-working");

    private final String code;

    RiskFlag(String code) {
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

    /** A list of them, stored as an array of codes. */
    @Converter
    public static class ListByCode extends CodedListConverter<RiskFlag> {
        public ListByCode() {
            super(RiskFlag.class);
        }
    }
}
