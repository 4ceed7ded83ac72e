package uk.socialprescribing.referral.fhir;

import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.OperationOutcome;

/** A failure as FHIR answers it: an OperationOutcome with one issue, its severity, code, diagnostics and FHIRPath. */
final class OperationOutcomes {

    private OperationOutcomes() {
    }

    static Response response(int status, String code, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(status >= 500 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.fromCode(code))
                .setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return Response.status(status).type(FhirResource.FHIR_JSON).entity(FhirJson.write(outcome)).build();
    }
}
