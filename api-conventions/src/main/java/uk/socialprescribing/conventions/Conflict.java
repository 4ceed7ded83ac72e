package uk.socialprescribing.conventions;

/**
 * A request the domain's current state refuses (a link worker who already exists, a connection already made): its kind
 * names it for clients ({@code urn:social-prescribing:problem:<kind>}). Service code throws it; {@link ProblemMappers}
 * answers it once, as a 409.
 */
public class Conflict extends RuntimeException {

    private final String kind;
    private final Problem.FieldError field;

    public Conflict(String kind, String message) {
        this(kind, message, null, null, null);
    }

    /** A conflict that one field of the request caused, named with the rule it broke. */
    public Conflict(String kind, String message, String field, String rule, String fieldMessage) {
        super(message);
        this.kind = kind;
        this.field = field == null ? null : new Problem.FieldError(field, rule, fieldMessage);
    }

    public String kind() {
        return kind;
    }

    /** The field that caused it, when one did. */
    public Problem.FieldError field() {
        return field;
    }
}
