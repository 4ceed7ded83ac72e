package uk.socialprescribing.conventions;

import java.util.List;

/**
 * A request that broke a rule of the domain, naming the field and the rule: what bean validation cannot check because
 * it needs the data (a practice the PCN does not serve, more places free than the maximum). Service code throws it;
 * {@link ProblemMappers} answers it once, as a 400 like every other invalid field.
 */
public class InvalidInput extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidInput(String field, String rule, String message) {
        super(message);
        this.errors = List.of(new Problem.FieldError(field, rule, message));
    }

    /** Many fields at once (a file of listings, say): the detail says what was refused, each error names its field. */
    public InvalidInput(String detail, List<Problem.FieldError> errors) {
        super(detail);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    /** The first (or only) field named. */
    public String field() {
        return errors.get(0).field();
    }

    public String rule() {
        return errors.get(0).rule();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
