package uk.socialprescribing.referral.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedConverter;

/**
 * Where an accepted referral's case went, as caseload-service announced it: to a link worker, or onto the network's
 * waiting list with its forecast wait (none when the network has too little history to forecast).
 */
@Embeddable
public record Allocation(
        @Column(name = "case_allocation") State state,
        @Column(name = "link_worker_name") String linkWorkerName,
        @Column(name = "allocated_at") Instant at,
        @Column(name = "forecast_wait_days") Integer forecastWaitDays) {

    /** Assigned to a link worker, or waiting for one; stored by its code. */
    public enum State implements Coded {
        ASSIGNED("assigned"), WAITING("waiting");

        private final String code;

        State(String code) {
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
        public static class ByCode extends CodedConverter<State> {
            public ByCode() {
                super(State.class);
            }
        }
    }

    static Allocation assigned(String linkWorkerName, Instant at) {
        return new Allocation(State.ASSIGNED, linkWorkerName, at, null);
    }

    static Allocation waiting(Long forecastDays, Instant at) {
        return new Allocation(State.WAITING, null, at, forecastDays == null ? null : (int) Math.min(Integer.MAX_VALUE, forecastDays));
    }

    public boolean isAssigned() {
        return state == State.ASSIGNED;
    }

    /** The forecast wait in days, null when there is none or the case is assigned. */
    public Long forecastDays() {
        return forecastWaitDays == null ? null : forecastWaitDays.longValue();
    }
}
