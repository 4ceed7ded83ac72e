package uk.socialprescribing.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;

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
}
