package uk.socialprescribing.referral.domain;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedConverter;

/** How the person would like to be contacted. */
public enum ContactMethod implements Coded {
    PHONE("phone"),
    TEXT_MESSAGE("text-message"),
    EMAIL("email"),
    LETTER("letter");

    private final String code;

    ContactMethod(String code) {
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
    public static class ByCode extends CodedConverter<ContactMethod> {
        public ByCode() {
            super(ContactMethod.class);
        }
    }
}
