package uk.socialprescribing.caseload.service;

import java.util.UUID;

import uk.socialprescribing.caseload.domain.Allocation;
import uk.socialprescribing.caseload.domain.CaseFlag;
import uk.socialprescribing.caseload.domain.CaseStatus;

/** What a list of cases is narrowed to; every field is optional. */
public record CaseFilter(UUID referralId, CaseStatus status, UUID linkWorkerId, Allocation allocation, CaseFlag flag) {

    public CaseFilter(UUID referralId, CaseStatus status, UUID linkWorkerId, Allocation allocation) {
        this(referralId, status, linkWorkerId, allocation, null);
    }
}
