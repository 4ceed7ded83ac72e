package uk.socialprescribing.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who referred the person: the catalogue's {@code referrerType} values. */
public enum ReferrerType {
    GP_PRACTICE("gp-practice"),
    PHARMACY("pharmacy"),
    HOUSING("housing"),
    JOB_CENTRE("job-centre"),
    POLICE("police"),
    VCSE("vcse"),
    HOSPITAL("hospital"),
    SELF("self"),
    OTHER("other");

    private final String code;

    ReferrerType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
