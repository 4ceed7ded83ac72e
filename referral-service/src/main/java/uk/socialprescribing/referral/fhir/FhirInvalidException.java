package uk.socialprescribing.referral.fhir;

/** A FHIR request that parses but does not make a referral: 422 with an OperationOutcome naming where (FHIRPath). */
public class FhirInvalidException extends RuntimeException {

    private final String expression;
    private final String code;

    public FhirInvalidException(String expression, String code, String message) {
        super(message);
        this.expression = expression;
        this.code = code;
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
