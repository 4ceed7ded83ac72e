package uk.socialprescribing.conventions;

/**
 * What the service depends on could not answer (another directory's feed, the broker within a deadline): a 502 when it
 * is a system outside the platform that failed, a 503 when the service itself cannot finish now. Its kind names it for
 * clients ({@code urn:social-prescribing:problem:<kind>}). Service code throws it; {@link ProblemMappers} answers it.
 */
public class Unavailable extends RuntimeException {

    private final String kind;
    private final boolean upstream;

    private Unavailable(String kind, String message, boolean upstream) {
        super(message);
        this.kind = kind;
        this.upstream = upstream;
    }

    /** A system outside the platform failed to answer (502). */
    public static Unavailable upstream(String kind, String message) {
        return new Unavailable(kind, message, true);
    }

    /** The service cannot finish this now (503). */
    public static Unavailable now(String kind, String message) {
        return new Unavailable(kind, message, false);
    }

    public String kind() {
        return kind;
    }

    public int status() {
        return upstream ? 502 : 503;
    }
}
