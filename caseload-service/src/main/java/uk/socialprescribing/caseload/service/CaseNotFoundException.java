package uk.socialprescribing.caseload.service;

import java.util.UUID;

/** No case with this id, or none the caller may see (the two are not told apart). */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(UUID id) {
        super("No case " + id);
    }
}
