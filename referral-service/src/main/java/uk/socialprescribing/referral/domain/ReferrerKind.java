package uk.socialprescribing.referral.domain;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedConverter;

/** Who referred the person (PRSB: referral source). Health referrers must give the NHS number; others may not know it. */
public enum ReferrerKind implements Coded {
    GP_PRACTICE("gp-practice", true),
    PHARMACY("pharmacy", true),
    HOSPITAL_DISCHARGE("hospital", true),
    SOCIAL_CARE("social-care", false),
    HOUSING("housing", false),
    POLICE("police", false),
    JOB_CENTRE("job-centre", false),
    VCSE("vcse", false),
    SELF("self", false);

    private final String code;
    private final boolean health;

    ReferrerKind(String code, boolean health) {
        this.code = code;
        this.health = health;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** A health organisation holds the person's NHS number and must send it. */
    public boolean mustGiveNhsNumber() {
        return health;
    }

    @Override
    public String toString() {
        return code;
    }

    /** Stored by its code. */
    @Converter(autoApply = true)
    public static class ByCode extends CodedConverter<ReferrerKind> {
        public ByCode() {
            super(ReferrerKind.class);
        }
    }
}
