package uk.socialprescribing.caseload.domain;

/** Whether a case has its link worker, or waits on the PCN's waiting list for capacity. */
public enum Allocation {
    ASSIGNED,
    WAITING
}
