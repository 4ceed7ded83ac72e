package uk.socialprescribing.referral.domain;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedConverter;

/** How soon the person should be contacted. */
public enum Urgency implements Coded {
    ROUTINE("routine"),
    URGENT("urgent");

    private final String code;

    Urgency(String code) {
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
    public static class ByCode extends CodedConverter<Urgency> {
        public ByCode() {
            super(Urgency.class);
        }
    }
}
