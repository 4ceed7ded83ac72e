package uk.socialprescribing.conventions;

/**
 * A request that broke a rule of the domain, naming the field and the rule: what bean validation cannot check because
 * it needs the data (a practice the PCN does not serve, more places free than the maximum). Service code throws it;
 * {@link ProblemMappers} answers it once, as a 400 like every other invalid field.
 */
public class InvalidInput extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidInput(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
