package uk.socialprescribing.caseload.domain;

import jakarta.persistence.Converter;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedConverter;

/** Why a case ended; {@link #REFERRAL_WITHDRAWN} is set by the service, never chosen by a link worker. */
public enum ClosureReason implements Coded {
    GOALS_MET("goals-met"),
    DISENGAGED("disengaged"),
    DECLINED_FURTHER_SUPPORT("declined-further-support"),
    MOVED_AWAY("moved-away"),
    REFERRED_ELSEWHERE("referred-elsewhere"),
    DIED("died"),
    REFERRAL_WITHDRAWN("referral-withdrawn");

    private final String code;

    ClosureReason(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }

    /** Stored by its code. */
    @Converter(autoApply = true)
    public static class ByCode extends CodedConverter<ClosureReason> {
        public ByCode() {
            super(ClosureReason.class);
        }
    }
}
