package uk.socialprescribing.referral.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where an accepted referral's case went, as caseload-service announced it: to a link worker, or onto the network's
 * waiting list with its forecast wait (none when the network has too little history to forecast).
 */
@Embeddable
public record Allocation(
        @Column(name = "case_allocation") String state,
        @Column(name = "link_worker_name") String linkWorkerName,
        @Column(name = "allocated_at") Instant at,
        @Column(name = "forecast_wait_days") Integer forecastWaitDays) {

    static final String ASSIGNED = "assigned";
    static final String WAITING = "waiting";

    static Allocation assigned(String linkWorkerName, Instant at) {
        return new Allocation(ASSIGNED, linkWorkerName, at, null);
    }

    static Allocation waiting(Long forecastDays, Instant at) {
        return new Allocation(WAITING, null, at, forecastDays == null ? null : (int) Math.min(Integer.MAX_VALUE, forecastDays));
    }

    public boolean isAssigned() {
        return ASSIGNED.equals(state);
    }

    /** The forecast wait in days, null when there is none or the case is assigned. */
    public Long forecastDays() {
        return forecastWaitDays == null ? null : forecastWaitDays.longValue();
    }
}
