package uk.socialprescribing.caseload.domain;

/** Where a case stands. */
public enum CaseStatus {
    OPEN
}
