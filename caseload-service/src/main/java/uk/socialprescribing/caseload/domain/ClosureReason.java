package uk.socialprescribing.caseload.domain;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a case ended; {@link #REFERRAL_WITHDRAWN} is set by the service, never chosen by a link worker. */
public enum ClosureReason {
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

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<ClosureReason> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
