package uk.socialprescribing.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;

/** Why a referral was declined at triage. */
public enum DeclineReason implements Coded {
    NOT_ELIGIBLE("not-eligible"),
    NEEDS_CLINICAL_CARE("needs-clinical-care"),
    PERSON_DECLINED("person-declined"),
    UNABLE_TO_CONTACT("unable-to-contact"),
    OUTSIDE_AREA("outside-area"),
    DUPLICATE("duplicate"),
    OTHER("other");

    private final String code;

    DeclineReason(String code) {
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
