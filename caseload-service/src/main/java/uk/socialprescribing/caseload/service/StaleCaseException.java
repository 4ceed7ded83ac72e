package uk.socialprescribing.caseload.service;

import uk.socialprescribing.conventions.StaleVersionException;

/** A write based on a version of the case (or one of its sessions) that is no longer current. */
public class StaleCaseException extends StaleVersionException {

    public StaleCaseException(long currentVersion) {
        super("The case changed since you read it; read it again", currentVersion);
    }
}
