package uk.socialprescribing.conventions;

/**
 * A write based on a version of a resource that is no longer current (its If-Match names an older ETag): answered
 * 412 with the current ETag, so the client can read again and decide on what it says now.
 */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(String detail, long currentVersion) {
        super(detail);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
