package uk.socialprescribing.caseload.domain;

import java.util.UUID;

/** A change to a case that is closed. */
public class CaseNotOpenException extends RuntimeException {

    public CaseNotOpenException(UUID id, CaseStatus status) {
        super("Case " + id + " is " + status + " and cannot change");
    }
}
