package uk.socialprescribing.conventions;

/**
 * Nothing the caller may see has this id (someone else's is not told apart from none). Service code throws it, or a
 * subclass naming its kind; {@link ProblemMappers} answers it once, as a 404.
 */
public class NotFound extends RuntimeException {

    private final String kind;

    public NotFound(String message) {
        this("not-found", message);
    }

    public NotFound(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
