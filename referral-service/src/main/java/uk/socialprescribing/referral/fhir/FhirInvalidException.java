package uk.socialprescribing.referral.fhir;

/**
 * A FHIR request that parses but does not make a referral: 422 with an OperationOutcome naming where (FHIRPath); or,
 * made by {@link #structure}, one whose JSON has a shape FHIR does not allow: 400.
 */
public class FhirInvalidException extends RuntimeException {

    private final String expression;
    private final String code;
    private final int status;

    public FhirInvalidException(String expression, String code, String message) {
        this(expression, code, message, 422);
    }

    private FhirInvalidException(String expression, String code, String message, int status) {
        super(message);
        this.expression = expression;
        this.code = code;
        this.status = status;
    }

    /** Not a shape FHIR's JSON format allows (an array where the element does not repeat, an empty array…): 400. */
    public static FhirInvalidException structure(String expression, String message) {
        return new FhirInvalidException(expression, "structure", message, 400);
    }

    public int status() {
        return status;
    }

    /** FHIRPath of the offending element, e.g. {@code ServiceRequest.code}. */
    public String expression() {
        return expression;
    }

    /** The OperationOutcome issue type: required, value, invalid, business-rule… */
    public String code() {
        return code;
    }
}
