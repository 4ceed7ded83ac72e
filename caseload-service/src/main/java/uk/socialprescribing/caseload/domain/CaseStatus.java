package uk.socialprescribing.caseload.domain;

/** Where a case stands: open while the person is supported or waits, closed with a reason. */
public enum CaseStatus {
    OPEN,
    CLOSED
}
