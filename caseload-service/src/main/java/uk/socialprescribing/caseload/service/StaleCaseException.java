package uk.socialprescribing.caseload.service;

/** A write based on a version of the case that is no longer current. */
public class StaleCaseException extends RuntimeException {

    private final long currentVersion;

    public StaleCaseException(long currentVersion) {
        super("The case changed since you read it; read it again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
