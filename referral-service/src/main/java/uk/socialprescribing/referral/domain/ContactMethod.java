package uk.socialprescribing.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;

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
}
